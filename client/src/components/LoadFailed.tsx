import { useTranslation } from 'react-i18next';
import { describeApiError } from '../forms/describeApiError';
import { Alert, Button } from './ui';

/** What a page section shows when its data could not be loaded: the reason in words and a retry button. */
export function LoadFailed({ title, error, retry }: { title: string; error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="error" title={title}>
      <p>{describeApiError(error, t)}</p>
      <Button variant="secondary" size="sm" className="alert__action" onClick={retry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
