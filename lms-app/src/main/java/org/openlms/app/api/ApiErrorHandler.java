package org.openlms.app.api;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.UUID;
import org.openlms.app.api.odata.query.ODataQueryException;
import org.openlms.app.errors.InvalidInputException;
import org.openlms.app.errors.NotFoundException;
import org.openlms.app.tenancy.TenantUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into LoanPro's error envelope with a status its clients expect: 409 for a bad payload
 * or a missing entity, 413 for an oversize body, 503 when a tenant's pool is exhausted, 500 with a reference
 * (logged here, never a stack trace) for our own bugs.
 */
@RestControllerAdvice
class ApiErrorHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<Map<String, Object>> invalid(InvalidInputException e) {
    return of(HttpStatus.CONFLICT, "InvalidInputException", e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Map<String, Object>> notFound(NotFoundException e) {
    return of(HttpStatus.CONFLICT, "NotFoundException", e.getMessage());
  }

  @ExceptionHandler(ODataQueryException.class)
  ResponseEntity<Map<String, Object>> query(ODataQueryException e) {
    return of(HttpStatus.CONFLICT, e.type(), e.getMessage());
  }

  /** A value the database cannot hold (e.g. an overflowing $filter arithmetic) is the client's error. */
  @ExceptionHandler(DataAccessException.class)
  ResponseEntity<Map<String, Object>> data(DataAccessException e) {
    if (e.getMostSpecificCause() instanceof SQLException sql && ODataQueryException.isClientDataError(sql.getSQLState())) {
      return of(HttpStatus.CONFLICT, "InvalidInputException", "A value is out of range for its field");
    }
    if (e instanceof CannotGetJdbcConnectionException c) {
      return noConnection(c);
    }
    return internal(e);
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException e) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BodySizeLimitFilter.BodyTooLargeException tooLarge) {
        return of(HttpStatus.CONTENT_TOO_LARGE, "PayloadTooLargeException", tooLarge.getMessage());
      }
      if (c instanceof UnrecognizedPropertyException u) {
        return of(HttpStatus.CONFLICT, "InvalidInputException",
            "Unknown field '" + clip(u.getPropertyName()) + "'" + known(u));
      }
      if (c instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
        return of(HttpStatus.CONFLICT, "InvalidInputException",
            "Field '" + clip(path(m)) + "' has the wrong type or format");
      }
      if (c instanceof StreamReadException p) {
        var loc = p.getLocation();
        return of(HttpStatus.CONFLICT, "InvalidInputException", "Malformed JSON"
            + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr()));
      }
    }
    return of(HttpStatus.CONFLICT, "InvalidInputException", "Request body is missing or is not valid JSON");
  }

  /** The JSON path of the bad value, e.g. {@code LoanSetup.loanAmount}, without our class names. */
  private static String path(MismatchedInputException m) {
    StringBuilder sb = new StringBuilder();
    for (var ref : m.getPath()) {
      if (ref.getPropertyName() != null) {
        sb.append(sb.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String known(UnrecognizedPropertyException u) {
    var ids = u.getKnownPropertyIds();
    return ids == null || ids.isEmpty() ? "" : "; known fields: " + ids;
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ResponseEntity<Map<String, Object>> badParameter(Exception e) {
    String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
        : ((MissingServletRequestParameterException) e).getParameterName();
    return of(HttpStatus.CONFLICT, "InvalidInputException", "Parameter '" + clip(name) + "' is missing or invalid");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException e) {
    return of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UnsupportedMediaTypeException",
        "Send request bodies as Content-Type: application/json");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
    return of(HttpStatus.METHOD_NOT_ALLOWED, "MethodNotAllowedException",
        "Method " + e.getMethod() + " is not supported here");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<Map<String, Object>> noEndpoint(NoResourceFoundException e) {
    String path = e.getResourcePath();
    return of(HttpStatus.NOT_FOUND, "NotFoundException", "No such endpoint: /" + clip(path) + entityHint(path));
  }

  private static final java.util.regex.Pattern OUTSIDE_ODATA =
      java.util.regex.Pattern.compile("^/?api/public/api/1/(?!odata\\.svc/)([A-Za-z]+)\\b(?!.*/Autopal\\.).*");

  /**
   * Entity URLs such as {@code Loans(5)} live under {@code odata.svc/}; only actions ({@code Loans(5)/Autopal.
   * Activate()}) sit beside it. A client that left {@code odata.svc/} out is told where the URL it meant is.
   */
  private static String entityHint(String path) {
    java.util.regex.Matcher m = OUTSIDE_ODATA.matcher(path == null ? "" : path);
    return m.matches() ? " (entity sets are under odata.svc/, as /api/public/api/1/odata.svc/" + m.group(1) + ")" : "";
  }

  @ExceptionHandler(TenantUnavailableException.class)
  ResponseEntity<Map<String, Object>> unavailable(TenantUnavailableException e) {
    return of(HttpStatus.FORBIDDEN, "TenantUnavailableException", e.getMessage());
  }

  ResponseEntity<Map<String, Object>> noConnection(CannotGetJdbcConnectionException e) {
    if (e.getCause() instanceof SQLTransientConnectionException) {
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "1")
          .body(ApiErrors.body("TenantBusyException",
              "All of this tenant's database connections are in use; try again shortly"));
    }
    return internal(e);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Map<String, Object>> internal(Exception e) {
    if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
      // The client went away mid-answer (a closed connection, a timeout on its side): not our bug, and there
      // is no one left to answer.
      log.debug("Client disconnected: {}", e.getMessage());
      return null;
    }
    String ref = UUID.randomUUID().toString();
    log.error("Unhandled error, reference {}", ref, e);
    return of(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServerError",
        "Something went wrong on our side; reference " + ref);
  }

  static String clip(String s) {
    if (s == null) {
      return "";
    }
    return s.length() > 100 ? s.substring(0, 100) + "..." : s;
  }

  private static ResponseEntity<Map<String, Object>> of(HttpStatus status, String type, String message) {
    return ResponseEntity.status(status).body(ApiErrors.body(type, message));
  }
}
