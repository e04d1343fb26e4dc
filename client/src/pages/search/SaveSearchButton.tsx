import { useMutation, useQueryClient } from '@tanstack/react-query';
import { labelOf, sectors } from '@techbridge/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../api/errors';
import { queryKeys } from '../../api/queryKeys';
import { createSavedSearch, type SavedSearchQueryInput } from '../../api/subscriptions';
import { useAuth } from '../../auth/useAuth';
import { Alert, Button, Field, Input, Modal } from '../../components/ui';
import { describeApiError } from '../../forms/describeApiError';
import { useLang } from '../../lib/useLang';
import type { SearchState } from './searchState';

/** The saved-search API takes the search filters, lists comma-separated like GET /api/search. */
export function toSavedQuery(state: SearchState): SavedSearchQueryInput {
  const query: SavedSearchQueryInput = {};
  if (state.q.trim()) query.q = state.q.trim();
  if (state.type) query.type = state.type;
  if (state.sector.length) query.sector = state.sector.join(',');
  if (state.province) query.province = state.province;
  if (state.trlMin) query.trlMin = state.trlMin;
  if (state.ipStatus.length) query.ipStatus = state.ipStatus.join(',');
  if (state.transferMode.length) query.transferMode = state.transferMode.join(',');
  if (state.orgType) query.orgType = state.orgType;
  if (state.lang) query.lang = state.lang;
  return query;
}

/** "Lưu tìm kiếm": names the current query and saves it; new matching listings are then notified. */
export function SaveSearchButton({ state }: { state: SearchState }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { status } = useAuth();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const save = useMutation({
    mutationFn: () => createSavedSearch(name.trim(), toSavedQuery(state)),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.savedSearches });
      setOpen(false);
    },
  });

  if (status !== 'authenticated') return null;

  function suggestName() {
    const parts = [state.q.trim(), ...state.sector.map((s) => labelOf(sectors, s, lang))].filter(Boolean);
    return (parts.join(' · ') || t('saved.defaultName')).slice(0, 100);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (name.trim().length >= 2) save.mutate();
  }

  const fieldError = isApiError(save.error) ? (save.error.fields.name ?? save.error.fields['query.q']) : undefined;

  return (
    <>
      <Button
        variant="secondary"
        onClick={() => {
          save.reset();
          setName(suggestName());
          setOpen(true);
        }}
      >
        {t('saved.save')}
      </Button>
      {save.isSuccess && !open && (
        <p className="save-search__done" role="status">
          {t('saved.savedNote')} <Link to="/app#saved-searches-title">{t('saved.manage')}</Link>
        </p>
      )}
      <Modal
        open={open}
        title={t('saved.dialogTitle')}
        onClose={() => setOpen(false)}
        onSubmit={submit}
        busy={save.isPending}
        actions={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} disabled={name.trim().length < 2}>
              {t('saved.submit')}
            </Button>
          </>
        }
      >
        <p className="muted">{t('saved.dialogLead')}</p>
        {save.isError && !fieldError && <Alert tone="error">{describeApiError(save.error, t)}</Alert>}
        <Field name="savedSearchName" label={t('saved.name')} hint={t('saved.nameHint')} error={fieldError} required>
          {(props) => <Input {...props} maxLength={100} value={name} onChange={(e) => setName(e.target.value)} />}
        </Field>
      </Modal>
    </>
  );
}
