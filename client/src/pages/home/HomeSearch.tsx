import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Button } from '../../components/ui';

/** The hero's search box: goes to /search with the query. */
export function HomeSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState('');

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const query = q.trim();
    navigate(query ? `/search?${new URLSearchParams({ q: query })}` : '/search');
  }

  return (
    <search className="search-form search-form--hero">
      <form onSubmit={onSubmit}>
        <label className="visually-hidden" htmlFor="home-search">
          {t('search.inputLabel')}
        </label>
        <div className="search-form__row">
          <input
            id="home-search"
            type="search"
            className="input search-form__input"
            placeholder={t('home.search.placeholder')}
            value={q}
            enterKeyHint="search"
            onChange={(e) => setQ(e.target.value)}
          />
          <Button type="submit">{t('search.submit')}</Button>
        </div>
      </form>
    </search>
  );
}
