package dev.saasusers.common.http;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Passes each event to every listener; a failing listener is logged, never fails the call. */
final class ListenerFanout implements ClientListener {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingListener.LOGGER_NAME);
  private final List<ClientListener> listeners;

  ListenerFanout(List<ClientListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onRequestSent(RequestSent event) {
    for (ClientListener l : listeners) {
      try {
        l.onRequestSent(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onResponseReceived(ResponseReceived event) {
    for (ClientListener l : listeners) {
      try {
        l.onResponseReceived(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onRetryScheduled(RetryScheduled event) {
    for (ClientListener l : listeners) {
      try {
        l.onRetryScheduled(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onTokenFetched(TokenFetched event) {
    for (ClientListener l : listeners) {
      try {
        l.onTokenFetched(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onPageDelivered(PageDelivered event) {
    for (ClientListener l : listeners) {
      try {
        l.onPageDelivered(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onPagingAnomaly(PagingAnomaly event) {
    for (ClientListener l : listeners) {
      try {
        l.onPagingAnomaly(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onDirectoryChanged(DirectoryChanged event) {
    for (ClientListener l : listeners) {
      try {
        l.onDirectoryChanged(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  @Override
  public void onDirectoryRepaired(DirectoryRepaired event) {
    for (ClientListener l : listeners) {
      try {
        l.onDirectoryRepaired(event);
      } catch (RuntimeException e) {
        warn(l, e);
      }
    }
  }

  private static void warn(ClientListener listener, RuntimeException e) {
    LOG.warn("listener {} failed: {}", listener.getClass().getName(), e.toString());
  }
}
