package org.openlms.app.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.ObjectMapper;

/**
 * LoanPro's error envelope, {@code {"error":{"type":"...","message":{"value":"..."}}}}, which the SDKs parse.
 * Used by the exception handler and by the filters that answer before any controller runs.
 */
public final class ApiErrors {

  private static final int MAX_MESSAGE = 500;

  private ApiErrors() {}

  public static Map<String, Object> body(String type, String message) {
    String text = message == null ? "" : message;
    if (text.length() > MAX_MESSAGE) {
      text = text.substring(0, MAX_MESSAGE) + "...";
    }
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("type", type);
    error.put("message", Map.of("value", text));
    return Map.of("error", error);
  }

  public static void write(HttpServletResponse res, ObjectMapper json, int status, String type, String message)
      throws IOException {
    res.setStatus(status);
    res.setContentType("application/json");
    res.setCharacterEncoding("UTF-8");
    json.writeValue(res.getOutputStream(), body(type, message));
  }
}
