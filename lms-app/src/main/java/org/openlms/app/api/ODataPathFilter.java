package org.openlms.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Normalises LoanPro's URL spellings before routing, so every endpoint accepts them all: the key form
 * {@code Loans(id=5)} (used in {@code __metadata}, {@code __deferred} and {@code __next} links) becomes
 * {@code Loans(5)}, and the action namespace in any casing ({@code AutoPal.}, {@code autopal.}) becomes
 * {@code Autopal.}.
 */
public class ODataPathFilter extends OncePerRequestFilter {

  private static final Pattern KEY = Pattern.compile("\\(id=(\\d{1,18})\\)");
  private static final Pattern ACTION = Pattern.compile("/(?i:autopal)\\.");

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    String uri = req.getRequestURI();
    String normal = ACTION.matcher(KEY.matcher(uri).replaceAll("($1)")).replaceAll("/Autopal.");
    if (normal.equals(uri)) {
      chain.doFilter(req, res);
      return;
    }
    chain.doFilter(new HttpServletRequestWrapper(req) {
      @Override
      public String getRequestURI() {
        return normal;
      }

      @Override
      public String getServletPath() {
        return normal.substring(req.getContextPath().length());
      }

      @Override
      public StringBuffer getRequestURL() {
        StringBuffer url = new StringBuffer(super.getRequestURL());
        return new StringBuffer(url.substring(0, url.length() - uri.length()) + normal);
      }
    }, res);
  }
}
