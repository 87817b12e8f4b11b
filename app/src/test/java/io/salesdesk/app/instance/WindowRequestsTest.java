package io.salesdesk.app.instance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Requests for the window that arrive before it exists wait for it; macOS's open-file event takes the same path. */
class WindowRequestsTest {

    private final WindowRequests requests = new WindowRequests();
    private final List<WindowRequest> window = new ArrayList<>();

    @Test
    void requestsBeforeTheWindowWaitAndArriveInOrderOnceItIsThere() {
        requests.send(WindowRequest.open(Path.of("/home/li/a.sdtemplate")));
        requests.send(WindowRequest.show());
        assertThat(window).isEmpty();

        requests.receiveWith(Runnable::run, window::add);
        requests.send(WindowRequest.open(Path.of("/home/li/b.sdtemplate")));

        assertThat(window).containsExactly(WindowRequest.open(Path.of("/home/li/a.sdtemplate")),
                WindowRequest.show(), WindowRequest.open(Path.of("/home/li/b.sdtemplate")));
    }

    @Test
    void eachFileOfAMacOpenFileEventBecomesARequestToOpenIt() {
        requests.receiveWith(Runnable::run, window::add);

        MacOpenFiles.route(List.of(new File("/Users/li/Downloads/大客户.sdtemplate"),
                new File("/Users/li/Downloads/试用.sdtemplate")), requests);

        assertThat(window).extracting(r -> r.templateFile().orElseThrow().toString())
                .containsExactly("/Users/li/Downloads/大客户.sdtemplate", "/Users/li/Downloads/试用.sdtemplate");
    }

    @Test
    void theMacHandlerIsNotRegisteredElsewhere() {
        assertThat(MacOpenFiles.register("Linux", requests)).isFalse();
        assertThat(MacOpenFiles.register("Windows 11", requests)).isFalse();
    }
}
