import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type OrganizationDto,
  type UserDto,
  type VerificationRequestInput,
  verificationRequestSchema,
} from '@techbridge/shared';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import {
  getMyVerification,
  requestVerification,
  uploadVerificationDocument,
  type VerificationDto,
  type VerificationStatus,
} from '../../api/verification';
import { useAuth } from '../../auth/useAuth';
import { LoadFailed } from '../../components/LoadFailed';
import { AttachmentList } from '../../components/listings/AttachmentList';
import {
  Alert,
  Badge,
  type BadgeTone,
  Button,
  Card,
  CardHeader,
  type ControlProps,
  Field,
  Input,
  Skeleton,
  Textarea,
} from '../../components/ui';
import { FileUpload } from '../../components/upload/FileUpload';
import { describeApiError } from '../../forms/describeApiError';
import { focusFirstError } from '../../forms/focusFirstError';
import { requireFilled } from '../../forms/formTools';
import { useFieldErrors } from '../../forms/useFieldErrors';
import { validate } from '../../forms/validate';
import { formatDate } from '../../lib/format';
import { useLang } from '../../lib/useLang';
import { DetailList } from './DetailList';
import { VerifiedBadge } from './OrganizationCard';

const statusTone: Record<VerificationStatus, BadgeTone> = { pending: 'info', approved: 'success', rejected: 'danger' };

/** A verification request's state as a badge ("Đang chờ xét duyệt", "Đã phê duyệt", "Bị từ chối"). */
export function VerificationStatusBadge({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`verification.status.${status}`)}</Badge>;
}

/** The registration details of a request as a description list (organisation and admin views). */
export function VerificationDetails({ request }: { request: VerificationDto }) {
  const { t } = useTranslation();
  const missing = <span className="muted">{t('common.notProvided')}</span>;
  return (
    <DetailList
      items={[
        { label: t('verification.fields.registrationNumber'), value: request.registrationNumber },
        { label: t('verification.fields.taxCode'), value: request.taxCode ?? missing },
        { label: t('verification.fields.address'), value: request.address },
        {
          label: t('verification.fields.website'),
          value: request.website ? (
            <a href={request.website} target="_blank" rel="noopener noreferrer" className="text-break">
              {request.website}
            </a>
          ) : (
            missing
          ),
        },
        {
          label: t('verification.fields.note'),
          value: request.note ? <span className="verification__note">{request.note}</span> : missing,
        },
      ]}
    />
  );
}

/**
 * "Xác minh tổ chức" on the account page: the latest request's state (with the
 * rejection reason), the form to ask (owners only, as on the server) and the
 * documents of a pending request.
 */
export function VerificationCard({ user, organization }: { user: UserDto; organization: OrganizationDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const queryClient = useQueryClient();
  const { reloadProfile } = useAuth();
  const isOwner = user.orgRole === 'owner';
  const query = useQuery({ queryKey: queryKeys.myVerification, queryFn: ({ signal }) => getMyVerification(signal) });
  const latest = query.data?.data ?? null;
  const [notice, setNotice] = useState<string | null>(null);
  const [uploadProblem, setUploadProblem] = useState<string | null>(null);

  // Approved since the profile was loaded: refresh it once so the badges update everywhere.
  const reloaded = useRef(false);
  useEffect(() => {
    if (latest?.status !== 'approved' || organization.verified || reloaded.current) return;
    reloaded.current = true;
    reloadProfile().catch(() => undefined);
  }, [latest?.status, organization.verified, reloadProfile]);

  const store = (request: VerificationDto) => queryClient.setQueryData(queryKeys.myVerification, { data: request });
  const canRequest = isOwner && !organization.verified && latest?.status !== 'pending';

  return (
    <Card as="section" aria-labelledby="verification-title" className="verification" id="verification">
      <CardHeader
        id="verification-title"
        title={t('verification.title')}
        actions={
          organization.verified ? (
            <VerifiedBadge verified />
          ) : latest ? (
            <VerificationStatusBadge status={latest.status} />
          ) : null
        }
      />
      {!organization.verified && <p className="muted">{t('verification.lead')}</p>}
      {query.isPending && (
        <div className="my-listings__loading">
          <p className="visually-hidden" role="status">
            {t('common.loading')}
          </p>
          <Skeleton variant="block" />
        </div>
      )}
      {query.isError && (
        <LoadFailed title={t('verification.loadFailed')} error={query.error} retry={() => void query.refetch()} />
      )}
      {notice && (
        <Alert tone="success" live>
          {notice}
        </Alert>
      )}
      {query.isSuccess && (
        <>
          {organization.verified && <Alert tone="success">{t('verification.verifiedNote')}</Alert>}
          {!organization.verified && latest?.status === 'pending' && (
            <Alert tone="info">{isOwner ? t('verification.pendingNote') : t('verification.pendingMemberNote')}</Alert>
          )}
          {!organization.verified && latest?.status === 'rejected' && (
            <Alert tone="warning" title={t('verification.rejectedTitle')}>
              {latest.reason && <p>{t('verification.rejectedReason', { reason: latest.reason })}</p>}
              {isOwner && <p>{t('verification.rejectedNote')}</p>}
            </Alert>
          )}
          {!organization.verified && !latest && <p>{t('verification.noneYet')}</p>}
          {!organization.verified && !isOwner && latest?.status !== 'pending' && (
            <p className="muted">{t('verification.notOwner')}</p>
          )}

          {/* Once verified, an older rejected request is no longer of interest. */}
          {latest && (!organization.verified || latest.status === 'approved') && (
            <div className="verification__request">
              <h3 className="verification__heading">{t('verification.details')}</h3>
              <DetailList
                items={[
                  { label: t('verification.submittedOn'), value: formatDate(latest.createdAt, lang) },
                  ...(latest.decidedAt
                    ? [{ label: t('verification.decidedOn'), value: formatDate(latest.decidedAt, lang) }]
                    : []),
                ]}
              />
              <VerificationDetails request={latest} />
              <h3 className="verification__heading">{t('verification.documentsTitle')}</h3>
              <AttachmentList attachments={latest.documents} emptyText={t('verification.noDocuments')} />
              {latest.status === 'pending' && isOwner && (
                <>
                  {uploadProblem && <Alert tone="error">{uploadProblem}</Alert>}
                  <FileUpload
                    inputId="verification-document"
                    chooseLabel={t('verification.chooseDocument')}
                    hint={t('verification.documentsHint')}
                    upload={(file, options) => uploadVerificationDocument(file, options)}
                    onStart={() => {
                      setUploadProblem(null);
                      setNotice(null);
                    }}
                    onSuccess={(res, file) => {
                      store(res.data);
                      setNotice(t('attachments.uploaded', { name: file.name }));
                    }}
                    onError={(message) => {
                      setUploadProblem(message);
                      // A 404 means the request was decided meanwhile: show its new state.
                      void queryClient.invalidateQueries({ queryKey: queryKeys.myVerification });
                    }}
                    errorMessages={{
                      notFound: t('verification.errors.noPending'),
                      forbidden: t('verification.notOwner'),
                    }}
                  />
                </>
              )}
            </div>
          )}

          {canRequest && (
            <VerificationForm
              key={latest?.id ?? 'new'}
              previous={latest}
              onCreated={(request) => {
                store(request);
                setNotice(t('verification.submitted'));
                setUploadProblem(null);
              }}
              onConflict={() => void queryClient.invalidateQueries({ queryKey: queryKeys.myVerification })}
            />
          )}
        </>
      )}
    </Card>
  );
}

type FormField = keyof VerificationRequestInput;
const fieldOrder: readonly FormField[] = ['registrationNumber', 'taxCode', 'address', 'website', 'note'];
const fieldName = (field: string) => `verification.${field}`;

interface VerificationFormProps {
  /** A rejected request whose details prefill the form. */
  previous: VerificationDto | null;
  onCreated: (request: VerificationDto) => void;
  onConflict: () => void;
}

/** Registration details for a new request, checked with the server's schema before sending. */
function VerificationForm({ previous, onCreated, onConflict }: VerificationFormProps) {
  const { t } = useTranslation();
  const errors = useFieldErrors();
  const [values, setValues] = useState<Record<FormField, string>>({
    registrationNumber: previous?.registrationNumber ?? '',
    taxCode: previous?.taxCode ?? '',
    address: previous?.address ?? '',
    website: previous?.website ?? '',
    note: previous?.note ?? '',
  });

  const mutation = useMutation({
    mutationFn: requestVerification,
    onSuccess: (res) => onCreated(res.data),
    onError: (error) => {
      if (!isApiError(error)) return;
      if (error.status === 409) onConflict();
      if (error.status === 400 && error.hasFieldErrors) {
        const texts: Record<string, string> = {};
        for (const [path, message] of Object.entries(error.fields)) texts[fieldName(path)] = message;
        errors.setServerErrors(texts);
        focusFirstError(fieldOrder.map(fieldName), Object.keys(texts));
      }
    },
  });

  function set(field: FormField, value: string) {
    setValues((prev) => ({ ...prev, [field]: value }));
    errors.clear(fieldName(field));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.reset();
    // Optional fields left empty are not sent (the schema rejects empty strings there).
    const input: Record<string, string> = {};
    for (const field of fieldOrder) {
      const value = values[field].trim();
      if (value || field === 'registrationNumber' || field === 'address') input[field] = value;
    }
    const result = validate(verificationRequestSchema, input);
    if (!result.ok) {
      const keys = requireFilled(result.errors, input, ['registrationNumber', 'address']);
      const named = Object.fromEntries(Object.entries(keys).map(([path, key]) => [fieldName(path), key]));
      errors.setClientErrors(named);
      focusFirstError(fieldOrder.map(fieldName), Object.keys(named));
      return;
    }
    errors.reset();
    mutation.mutate(result.data);
  }

  /** What the fields cannot show: a conflict, a refusal, or field messages for paths the form lacks. */
  function generalError(): string | null {
    const error = mutation.error;
    if (!error) return null;
    if (isApiError(error) && error.status === 400 && error.hasFieldErrors) {
      const other = Object.entries(error.fields).filter(([path]) => !fieldOrder.includes(path as FormField));
      return other.length ? other.map(([, message]) => message).join(' ') : null;
    }
    return describeApiError(error, t, {
      conflict: t('verification.errors.pending'),
      forbidden: t('verification.notOwner'),
    });
  }
  const failure = generalError();

  const optional = <span className="field__optional">{t('forms.optional')}</span>;
  const control =
    (field: FormField, extra: { rows?: number; type?: 'text' | 'url'; inputMode?: 'numeric' }) =>
    (props: ControlProps) =>
      extra.rows ? (
        <Textarea {...props} rows={extra.rows} value={values[field]} onChange={(e) => set(field, e.target.value)} />
      ) : (
        <Input
          {...props}
          type={extra.type ?? 'text'}
          inputMode={extra.inputMode}
          value={values[field]}
          onChange={(e) => set(field, e.target.value)}
        />
      );

  return (
    <form className="form verification__form" noValidate onSubmit={submit} aria-labelledby="verification-form-title">
      <h3 className="verification__heading" id="verification-form-title">
        {previous ? t('verification.formTitleAgain') : t('verification.formTitle')}
      </h3>
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="form__row">
        <Field
          name={fieldName('registrationNumber')}
          label={t('verification.fields.registrationNumber')}
          hint={t('verification.hints.registrationNumber')}
          error={errors.messageFor(fieldName('registrationNumber'))}
          required
        >
          {control('registrationNumber', {})}
        </Field>
        <Field
          name={fieldName('taxCode')}
          label={
            <>
              {t('verification.fields.taxCode')} {optional}
            </>
          }
          hint={t('verification.hints.taxCode')}
          error={errors.messageFor(fieldName('taxCode'))}
        >
          {control('taxCode', { inputMode: 'numeric' })}
        </Field>
      </div>
      <Field
        name={fieldName('address')}
        label={t('verification.fields.address')}
        hint={t('verification.hints.address')}
        error={errors.messageFor(fieldName('address'))}
        required
      >
        {control('address', {})}
      </Field>
      <Field
        name={fieldName('website')}
        label={
          <>
            {t('verification.fields.website')} {optional}
          </>
        }
        hint={t('verification.hints.website')}
        error={errors.messageFor(fieldName('website'))}
      >
        {control('website', { type: 'url' })}
      </Field>
      <Field
        name={fieldName('note')}
        label={
          <>
            {t('verification.fields.note')} {optional}
          </>
        }
        hint={t('verification.hints.note')}
        error={errors.messageFor(fieldName('note'))}
      >
        {control('note', { rows: 3 })}
      </Field>
      <p className="form__note">{t('verification.documentsAfter')}</p>
      <div className="button-row">
        <Button type="submit" loading={mutation.isPending}>
          {t('verification.submit')}
        </Button>
      </div>
    </form>
  );
}
