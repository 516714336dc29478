package io.kinobezdna.platform.context;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;

/**
 * Servlet filter: reads the request context from the incoming headers, makes it current for the
 * request (and its log lines), and echoes the request id in the response. It runs early, ahead of
 * every filter of ours that handles requests itself (the HTTP/JSON transcoder).
 */
public final class RequestContextFilter extends HttpFilter implements Ordered {

  public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  @Override
  public int getOrder() {
    return ORDER;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    RequestContext context = ContextPropagation.read(request::getHeader);
    response.setHeader(ContextPropagation.REQUEST_ID, context.requestId());
    try {
      context.call(
          () -> {
            chain.doFilter(request, response);
            return null;
          });
    } catch (ServletException | IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new ServletException(e);
    }
  }
}
