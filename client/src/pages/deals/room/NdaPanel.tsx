import { useQuery } from '@tanstack/react-query';
import { type DealDto, NDA } from '@techbridge/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dealNdaAction, downloadNdaDocument, getNdaText, type NdaAction } from '../../../api/deals';
import { queryKeys } from '../../../api/queryKeys';
import { LoadFailed } from '../../../components/LoadFailed';
import { LockIcon } from '../../../components/listings/LockIcon';
import { Alert, Badge, type BadgeTone, Button, Card, ConfirmDialog, Modal, Spinner } from '../../../components/ui';
import { describeApiError } from '../../../forms/describeApiError';
import { saveBlob } from '../../../lib/saveBlob';
import { useLang } from '../../../lib/useLang';
import { useDealUpdate } from './useDealUpdate';

const statusTones: Record<DealDto['nda']['status'], BadgeTone> = {
  none: 'neutral',
  accepted: 'warning',
  granted: 'success',
  revoked: 'danger',
};

function NdaDialog({
  open,
  onClose,
  onAccept,
  pending,
  error,
}: {
  open: boolean;
  onClose: () => void;
  onAccept: (version: string) => void;
  pending: boolean;
  error: unknown;
}) {
  const { t } = useTranslation();
  const lang = useLang();
  const [agreed, setAgreed] = useState(false);
  const text = useQuery({
    queryKey: queryKeys.ndaText,
    queryFn: ({ signal }) => getNdaText(signal),
    enabled: open,
    staleTime: Infinity,
  });
  const version = text.data?.version ?? NDA.version;

  return (
    <Modal
      open={open}
      wide
      title={t('deals.nda.dialogTitle')}
      onClose={onClose}
      busy={pending}
      onSubmit={(event) => {
        event.preventDefault();
        if (agreed && text.data) onAccept(version);
      }}
      actions={
        <>
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={!agreed || !text.data}>
            {t('deals.nda.accept')}
          </Button>
        </>
      }
    >
      {text.isPending && (
        <p role="status">
          <Spinner size="sm" /> {t('common.loading')}
        </p>
      )}
      {text.isError && (
        <LoadFailed title={t('deals.nda.textFailed')} error={text.error} retry={() => void text.refetch()} />
      )}
      {text.data && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the scrollable agreement must be reachable by keyboard.
        <section className="nda-text" tabIndex={0} aria-label={t('deals.nda.textLabel', { version })}>
          {text.data[lang]}
        </section>
      )}
      {error != null && <Alert tone="error">{describeApiError(error, t)}</Alert>}
      <label className="choice choice--standalone">
        <input
          type="checkbox"
          className="choice__input"
          checked={agreed}
          onChange={(e) => setAgreed(e.target.checked)}
          disabled={!text.data}
        />
        <span className="choice__label">{t('deals.nda.agree', { version })}</span>
      </label>
    </Modal>
  );
}

/** The NDA's state for this deal and what my organisation may do about it; confidential details once granted. */
export function NdaPanel({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const action = useDealUpdate(deal.id, ({ kind, version }: { kind: NdaAction; version?: string }) =>
    dealNdaAction(deal.id, kind, version),
  );
  const { nda } = deal;
  const running = (kind: NdaAction) => action.isPending && action.variables?.kind === kind;

  return (
    <Card as="section" aria-labelledby="nda-title" className="nda-panel">
      <h2 className="card__title nda-panel__title" id="nda-title">
        <LockIcon />
        {t('deals.nda.title')}
      </h2>
      <p>
        <Badge tone={statusTones[nda.status]}>{t(`deals.nda.status.${nda.status}`)}</Badge>{' '}
        <span className="muted">{t('deals.nda.version', { version: nda.version })}</span>
      </p>
      <p className="muted">{t(`deals.nda.explain.${nda.status}`)}</p>
      {nda.document && <NdaDocumentLink url={nda.document} dealId={deal.id} />}
      {action.isError && !reading && !revoking && <Alert tone="error">{describeApiError(action.error, t)}</Alert>}
      <div className="button-stack">
        {nda.canAccept && (
          <Button
            onClick={() => {
              action.reset();
              setReading(true);
            }}
          >
            {t('deals.nda.read')}
          </Button>
        )}
        {nda.canApprove && (
          <Button
            loading={running('approve')}
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'approve' })}
          >
            {t('deals.nda.approve')}
          </Button>
        )}
        {nda.canGrant && (
          <Button
            variant="secondary"
            loading={running('grant')}
            disabled={action.isPending}
            onClick={() => action.mutate({ kind: 'grant' })}
          >
            {t('deals.nda.grant')}
          </Button>
        )}
        {nda.canRevoke && (
          <Button
            variant="ghost"
            className="btn--danger-text"
            disabled={action.isPending}
            onClick={() => setRevoking(true)}
          >
            {t('deals.nda.revoke')}
          </Button>
        )}
      </div>
      <NdaDialog
        open={reading}
        pending={running('accept')}
        error={reading ? action.error : null}
        onClose={() => setReading(false)}
        onAccept={(version) => action.mutate({ kind: 'accept', version }, { onSuccess: () => setReading(false) })}
      />
      <ConfirmDialog
        open={revoking}
        title={t('deals.nda.revokeTitle')}
        confirmLabel={t('deals.nda.revoke')}
        loading={running('revoke')}
        error={revoking && action.isError ? describeApiError(action.error, t) : null}
        onConfirm={() => action.mutate({ kind: 'revoke' }, { onSuccess: () => setRevoking(false) })}
        onCancel={() => {
          setRevoking(false);
          action.reset();
        }}
      >
        <p>{t('deals.nda.revokeBody', { organization: deal.initiator.name })}</p>
      </ConfirmDialog>
    </Card>
  );
}

/** The signed NDA record as a PDF (parties, version, times, content hashes). */
function NdaDocumentLink({ url, dealId }: { url: string; dealId: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  return (
    <p>
      <Button
        variant="secondary"
        size="sm"
        loading={state === 'busy'}
        onClick={() => {
          setState('busy');
          downloadNdaDocument(url).then(
            (blob) => {
              saveBlob(blob, `nda-${dealId}.pdf`);
              setState('idle');
            },
            () => setState('failed'),
          );
        }}
      >
        {t('deals.nda.document')}
      </Button>
      {state === 'failed' && <Alert tone="error">{t('deals.nda.documentFailed')}</Alert>}
    </p>
  );
}

/** The offer's confidential details, shown once the viewer's organisation has access. */
export function DealConfidential({ deal }: { deal: DealDto }) {
  const { t } = useTranslation();
  if (!deal.confidential) return null;
  return (
    <Card as="section" className="confidential" aria-labelledby="deal-confidential-title">
      <h2 className="confidential__title" id="deal-confidential-title">
        <LockIcon />
        {t('deals.confidential.title')}
      </h2>
      <p className="confidential__note">{t('deals.confidential.note')}</p>
      {deal.confidential.details ? (
        <p className="prose">{deal.confidential.details}</p>
      ) : (
        <p className="muted">{t('listing.confidential.empty')}</p>
      )}
    </Card>
  );
}
