package io.sectorsphere.storage.transfer;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.file.FileMeta;
import io.sectorsphere.common.location.Replica;
import io.sectorsphere.storage.cluster.FileMetas;
import io.sectorsphere.transfer.ticket.TicketOperation;
import io.sectorsphere.transfer.ticket.TicketSigner;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grants reads through the transfer agents: a short-lived ticket signed with the cluster secret,
 * so the agents' UDT and TCP data ports serve exactly what HTTP would. A GET, so the node's read
 * control applies to it as to any read (a token when reads need one); it changes nothing here.
 */
@RestController
class TicketController {

    private final FileMetas metas;
    private final TicketSigner signer;
    private final TransferProperties properties;
    private final Clock clock;

    TicketController(FileMetas metas, ObjectProvider<TicketSigner> signer, TransferProperties properties,
                     Clock clock) {
        this.metas = metas;
        this.signer = signer.getIfAvailable();
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/api/v1/tickets/{*path}")
    ReadGrant grant(@PathVariable String path) {
        if (signer == null) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "this node has no transfer secret (sector.storage.transfer.secret): read over HTTP");
            problem.setTitle("Transfers not configured");
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, problem, null);
        }
        FileName name = FileName.of(path.startsWith("/") ? path.substring(1) : path);
        FileMeta meta = metas.meta(name);
        String ticket = signer.sign(TicketOperation.READ, name.value(), 0, meta.size(), properties.ticketTtl());
        List<String> agents = meta.replicas().stream().map(Replica::udtAddress).filter(Objects::nonNull)
                .distinct().toList();
        return new ReadGrant(name.value(), meta.size(), meta.checksum(), ticket,
                clock.instant().plus(properties.ticketTtl()), agents);
    }
}
