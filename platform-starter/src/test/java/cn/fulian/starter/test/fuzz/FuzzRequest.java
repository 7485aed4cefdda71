package cn.fulian.starter.test.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One malformed request, kept whole so that a failure can name exactly what was sent.
 *
 * @param index position in the run (with the seed, enough to reproduce it)
 * @param operation the operation it aims at
 * @param kind what is wrong with it
 * @param uri the expanded, encoded URI
 * @param contentType the content type header, or {@code null} for none
 * @param body the raw body bytes, or {@code null} for none
 * @param file a multipart file part, or {@code null} when the request is not built as multipart
 * @param userName the demo user sending it ({@code anonymous} for no token)
 * @param user the token post-processor, or {@code null} for no token
 */
public record FuzzRequest(
        int index,
        ApiOperation operation,
        String kind,
        URI uri,
        String contentType,
        byte[] body,
        MockMultipartFile file,
        String userName,
        RequestPostProcessor user) {

    AbstractMockHttpServletRequestBuilder<?> toBuilder() {
        HttpMethod method = HttpMethod.valueOf(operation.method());
        AbstractMockHttpServletRequestBuilder<?> builder;
        if (file != null) {
            builder = MockMvcRequestBuilders.multipart(method, uri).file(file);
        } else {
            builder = MockMvcRequestBuilders.request(method, uri);
        }
        if (contentType != null) {
            builder.contentType(contentType);
        }
        if (body != null) {
            builder.content(body);
        }
        if (user != null) {
            builder.with(user);
        }
        return builder;
    }

    /** What was sent, short enough for a report line: bodies are cut to their first 160 characters. */
    public String describe() {
        StringBuilder s = new StringBuilder()
                .append('#')
                .append(index)
                .append(' ')
                .append(kind)
                .append(" as ")
                .append(userName)
                .append(": ")
                .append(operation.method())
                .append(' ')
                .append(uri);
        if (contentType != null) {
            s.append(" [").append(contentType).append(']');
        }
        if (file != null) {
            s.append(" part ")
                    .append(file.getName())
                    .append('=')
                    .append(file.getOriginalFilename())
                    .append(" (")
                    .append(file.getSize())
                    .append(" bytes)");
        }
        if (body != null) {
            String text = new String(body, StandardCharsets.UTF_8);
            s.append(" body(")
                    .append(body.length)
                    .append(" bytes)=")
                    .append(text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
        return s.toString();
    }
}
