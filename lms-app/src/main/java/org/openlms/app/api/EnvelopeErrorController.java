package org.openlms.app.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Errors that escape the controllers (servlet container, filters) still answer in the envelope, no traces. */
@RestController
class EnvelopeErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<Map<String, Object>> error(HttpServletRequest req) {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
    if (status == null) {
      status = HttpStatus.INTERNAL_SERVER_ERROR;
    }
    String message = status.is5xxServerError() ? "Something went wrong on our side" : status.getReasonPhrase();
    return ResponseEntity.status(status).body(ApiErrors.body(status.getReasonPhrase().replace(" ", "") + "Exception",
        message));
  }
}
