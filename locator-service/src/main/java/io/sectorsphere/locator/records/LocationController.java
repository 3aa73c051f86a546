package io.sectorsphere.locator.records;

import io.sectorsphere.common.FileName;
import io.sectorsphere.common.location.FileLocation;
import io.sectorsphere.common.location.PublishReceipt;
import io.sectorsphere.common.location.ReplicaUpdate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Publishing, withdrawing and locating file-location records; any locator answers for any file. */
@RestController
@RequestMapping("/api/v1")
class LocationController {

    private final LocationRecords records;

    LocationController(LocationRecords records) {
        this.records = records;
    }

    @PutMapping("/locations/{*name}")
    PublishReceipt publish(@PathVariable String name, @RequestBody ReplicaUpdate update) {
        return records.publish(fileName(name), update);
    }

    @DeleteMapping("/locations/{*name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String name, @RequestParam String holder) {
        records.withdraw(fileName(name), holder);
    }

    @GetMapping("/locate/{*name}")
    FileLocation locate(@PathVariable String name) {
        return records.locate(fileName(name));
    }

    /** A capture-the-rest variable starts with the '/' that separates it from the route. */
    private static FileName fileName(String captured) {
        return FileName.of(captured.startsWith("/") ? captured.substring(1) : captured);
    }
}
