package org.openlms.app.api.odata;

import java.util.Set;
import org.openlms.app.errors.InvalidInputException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Reads {@link ODataPage} from the query string and refuses query options the endpoint does not know. */
public class ODataPageResolver implements HandlerMethodArgumentResolver {

  private static final Set<String> KNOWN = Set.of("$top", "$skip", "$start", "nopaging", "$format", "$expand");

  @Override
  public boolean supportsParameter(MethodParameter p) {
    return p.getParameterType() == ODataPage.class;
  }

  @Override
  public Object resolveArgument(MethodParameter p, ModelAndViewContainer m, NativeWebRequest req,
      WebDataBinderFactory f) {
    for (String name : req.getParameterMap().keySet()) {
      if (name.startsWith("$") && !KNOWN.contains(name)) {
        throw new InvalidInputException("Query option " + (name.length() > 40 ? name.substring(0, 40) : name)
            + " is not supported on this entity set");
      }
    }
    String nopaging = req.getParameter("nopaging");
    return ODataPage.parse(req.getParameter("$top"), req.getParameter("$skip"), req.getParameter("$start"),
        nopaging != null && !nopaging.equalsIgnoreCase("false"));
  }
}
