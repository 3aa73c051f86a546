package io.sectorsphere.storage.web;

import io.sectorsphere.common.file.RecordBatch;
import io.sectorsphere.storage.config.StorageProperties;
import io.sectorsphere.storage.download.FileSender;
import io.sectorsphere.storage.files.LocalFile;
import io.sectorsphere.storage.records.RecordIndexReader;
import io.sectorsphere.storage.records.RecordSlice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers {@code /records?from=&count=}: as JSON ({@link RecordBatch}, records in base64, cut short
 * at {@code limits.max-record-batch} bytes so the client asks again from where it ended), or with
 * {@code Accept: application/octet-stream} as the records' bytes back to back, streamed, with
 * {@code Sector-Record-From/Count/Total} headers (boundaries are in the {@code .idx}).
 */
@Component
class RecordResponses {

    static final String FROM = "Sector-Record-From";
    static final String COUNT = "Sector-Record-Count";
    static final String TOTAL = "Sector-Record-Total";

    private final RecordIndexReader reader;
    private final FileSender sender;
    private final long maxBatchBytes;

    RecordResponses(RecordIndexReader reader, FileSender sender, StorageProperties properties) {
        this.reader = reader;
        this.sender = sender;
        this.maxBatchBytes = properties.limits().maxRecordBatch().toBytes();
    }

    ResponseEntity<?> answer(LocalFile file, FileChannel channel, long from, long count, HttpServletRequest request,
                             HttpServletResponse response) throws IOException {
        RecordSlice slice = reader.slice(file, from, count);
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        if (accept != null && accept.contains(MediaType.APPLICATION_OCTET_STREAM_VALUE)) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_OCTET_STREAM_VALUE);
            response.setHeader(FROM, Long.toString(slice.from()));
            response.setHeader(COUNT, Integer.toString(slice.count()));
            response.setHeader(TOTAL, Long.toString(slice.total()));
            response.setContentLengthLong(slice.end() - slice.start());
            if (!"HEAD".equals(request.getMethod())) {
                sender.copy(channel, slice.start(), slice.end() - slice.start(), response);
            }
            return null;
        }
        return ResponseEntity.ok(batch(file, channel, slice));
    }

    private RecordBatch batch(LocalFile file, FileChannel channel, RecordSlice slice) throws IOException {
        List<RecordBatch.Record> records = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < slice.count(); i++) {
            long length = slice.length(i);
            if (length > maxBatchBytes) {
                if (i == 0) {
                    throw new IllegalArgumentException("record " + slice.from() + " has " + length + " bytes, more "
                            + "than a JSON answer carries; ask with Accept: application/octet-stream");
                }
                break;
            }
            if (bytes + length > maxBatchBytes) {
                break;
            }
            ByteBuffer data = ByteBuffer.allocate((int) length);
            while (data.hasRemaining()) {
                if (channel.read(data, slice.offset(i) + data.position()) < 0) {
                    throw new IOException(file.name() + " shrank while its records were read");
                }
            }
            records.add(new RecordBatch.Record(slice.from() + i, slice.offset(i), data.array()));
            bytes += length;
        }
        return new RecordBatch(file.name().value(), slice.from(), slice.total(), records);
    }
}
