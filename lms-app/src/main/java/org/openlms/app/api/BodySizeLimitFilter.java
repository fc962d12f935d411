package org.openlms.app.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Refuses request bodies over the configured size before anything parses them: at once when the declared
 * length is too big, and as soon as the limit is crossed for bodies sent without a length.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

  private final long max;
  private final ObjectMapper json;

  public BodySizeLimitFilter(long maxBytes, ObjectMapper json) {
    this.max = maxBytes;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    if (req.getContentLengthLong() > max) {
      ApiErrors.write(res, json, 413, "PayloadTooLargeException", tooLarge());
      return;
    }
    chain.doFilter(new Limited(req, max), res);
  }

  private String tooLarge() {
    return "Request body is larger than the limit of " + max + " bytes";
  }

  /** Thrown while reading past the limit; the exception handler answers 413. */
  public static class BodyTooLargeException extends IOException {
    BodyTooLargeException(long max) {
      super("Request body is larger than the limit of " + max + " bytes");
    }
  }

  private static final class Limited extends HttpServletRequestWrapper {
    private final long max;
    private ServletInputStream stream;

    Limited(HttpServletRequest req, long max) {
      super(req);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new Counting(super.getInputStream(), max);
      }
      return stream;
    }
  }

  private static final class Counting extends ServletInputStream {
    private final ServletInputStream in;
    private final long max;
    private long read;

    Counting(ServletInputStream in, long max) {
      this.in = in;
      this.max = max;
    }

    private int count(int n) throws IOException {
      if (n > 0 && (read += n) > max) {
        throw new BodyTooLargeException(max);
      }
      return n;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return count(in.read(b, off, len));
    }

    @Override
    public boolean isFinished() {
      return in.isFinished();
    }

    @Override
    public boolean isReady() {
      return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener l) {
      in.setReadListener(l);
    }
  }
}
