package io.eventsuite.localcloud.sns;

import java.util.ArrayList;
import java.util.List;

/** What PublishBatch answers: the entries published and those that failed, each in request order. */
final class PublishBatchResult {

    record Success(String id, String messageId) {
    }

    /** @param senderFault true when the entry itself was wrong, false when the stand-in failed */
    record Failure(String id, String code, String message, boolean senderFault) {
    }

    private final List<Success> successful = new ArrayList<>();
    private final List<Failure> failed = new ArrayList<>();

    void succeeded(String id, String messageId) {
        successful.add(new Success(id, messageId));
    }

    void failed(String id, SnsError error) {
        failed.add(new Failure(id, error.code(), error.getMessage(), error.type().equals("Sender")));
    }

    List<Success> successful() {
        return successful;
    }

    List<Failure> failed() {
        return failed;
    }
}
