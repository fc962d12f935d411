package org.openlms.app.api.odata;

import java.util.Set;
import org.openlms.app.api.odata.query.ODataQueryException;
import org.openlms.app.api.odata.query.ODataQueryOptions;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads the query options of a request, refusing misspelt ones ({@code $fitler}) instead of ignoring them. */
public class ODataOptionsResolver implements HandlerMethodArgumentResolver {

  private static final Set<String> KNOWN = Set.of("$filter", "$orderby", "$top", "$skip", "$start", "$select",
      "$expand", "nopaging", "$format", "$inlinecount");

  @Override
  public boolean supportsParameter(MethodParameter p) {
    return p.getParameterType() == ODataQueryOptions.class;
  }

  @Override
  public Object resolveArgument(MethodParameter p, ModelAndViewContainer m, NativeWebRequest req,
      WebDataBinderFactory f) {
    for (String name : req.getParameterMap().keySet()) {
      if (name.startsWith("$") && !KNOWN.contains(name)) {
        throw new ODataQueryException("Unknown query option '" + (name.length() > 40 ? name.substring(0, 40) : name) + "'");
      }
    }
    return ODataQueryOptions.fromParameterMap(req.getParameterMap());
  }
}
