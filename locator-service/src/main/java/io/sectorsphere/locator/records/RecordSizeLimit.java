package io.sectorsphere.locator.records;

import io.sectorsphere.common.location.ReplicaUpdate;
import io.sectorsphere.common.node.NodeStatus;
import io.sectorsphere.common.node.WorkerStatus;
import io.sectorsphere.common.sphere.JobCheckpoint;
import io.sectorsphere.locator.ring.EntryNames;
import io.sectorsphere.locator.config.LocatorProperties;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Refuses a location record, node or worker status body beyond {@code max-record-bytes} (a job
 * checkpoint beyond 64 times that) before it is
 * parsed: at once when its declared length is too large, else as soon as that many bytes have been
 * read, so that a chunked body of any size costs no more memory than the limit.
 */
@ControllerAdvice
class RecordSizeLimit extends RequestBodyAdviceAdapter {

    private final long limit;

    RecordSizeLimit(LocatorProperties properties) {
        this.limit = properties.records().maxRecordBytes().toBytes();
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return targetType == ReplicaUpdate.class || targetType == NodeStatus.class || targetType == WorkerStatus.class
                || targetType == JobCheckpoint.class;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        long allowed = targetType == JobCheckpoint.class ? EntryNames.maxValueBytes(EntryNames.SPHERE_JOBS, limit) : limit;
        if (message.getHeaders().getContentLength() > allowed) {
            throw new RecordTooLargeException(allowed);
        }
        InputStream limited = new LimitedInputStream(message.getBody(), allowed);
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return limited;
            }

            @Override
            public HttpHeaders getHeaders() {
                return message.getHeaders();
            }
        };
    }

    private static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long read;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw new RecordTooLargeException(limit);
            }
        }
    }
}
