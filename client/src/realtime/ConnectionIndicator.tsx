import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRealtime } from './useRealtime';

type Shown = 'none' | 'lost' | 'back';

/** How long the first handshake may take before it counts as a lost connection. */
const FIRST_CONNECT_GRACE_MS = 6000;
const BACK_MESSAGE_MS = 4000;

/**
 * A small polite banner: "connection lost, retrying…" while the socket is
 * down, then "reconnected" for a few seconds. It never takes focus; the live
 * region stays in the page so the change is announced.
 */
export function ConnectionIndicator() {
  const { t } = useTranslation();
  const { status } = useRealtime();
  const [shown, setShown] = useState<Shown>('none');
  const wasLost = useRef(false);

  useEffect(() => {
    if (status === 'reconnecting') {
      wasLost.current = true;
      setShown('lost');
      return;
    }
    if (status === 'connecting') {
      const timer = setTimeout(() => {
        wasLost.current = true;
        setShown('lost');
      }, FIRST_CONNECT_GRACE_MS);
      return () => clearTimeout(timer);
    }
    if (status === 'connected' && wasLost.current) {
      wasLost.current = false;
      setShown('back');
      const timer = setTimeout(() => setShown('none'), BACK_MESSAGE_MS);
      return () => clearTimeout(timer);
    }
    wasLost.current = false;
    setShown('none');
  }, [status]);

  return (
    <div className="connection-indicator" role="status" aria-live="polite" aria-atomic="true">
      {shown !== 'none' && (
        <p className={`connection-indicator__pill connection-indicator__pill--${shown}`}>
          <span className="connection-indicator__dot" aria-hidden="true" />
          {shown === 'lost' ? t('realtime.lost') : t('realtime.back')}
        </p>
      )}
    </div>
  );
}
