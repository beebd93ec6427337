package dev.saasusers.pandadoc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.saasusers.common.http.VirtualTime;
import dev.saasusers.testing.FakePandaDoc;
import dev.saasusers.testing.FakeFault;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The testing README's example: a 429 against a fake, retried on virtual time. */
class VirtualTimeTest {

  @Test
  void rateLimitedListingIsRetriedAfterAVirtualSecond() {
    VirtualTime time = VirtualTime.create();
    try (FakePandaDoc fake = FakePandaDoc.start(250)) {
      fake.faults().next(FakeFault.RATE_LIMITED);
      PandaDocClient client = PandaDocClient.builder().apiKey(fake.apiKey())
          .baseUrl(fake.baseUrl()).timeSource(time).build();
      assertEquals(250, client.users().list().stream().count());
      assertEquals(List.of(Duration.ofSeconds(1)), time.waits());
      assertEquals(1, fake.faults().injectedCount(FakeFault.RATE_LIMITED));
    }
  }
}
