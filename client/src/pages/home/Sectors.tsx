import { sectors } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../lib/useLang';
import { SectionHeading } from './SectionHeading';

export function Sectors() {
  const { t } = useTranslation();
  const lang = useLang();

  return (
    <section className="section" id="sectors" aria-labelledby="sectors-title">
      <div className="container">
        <SectionHeading
          id="sectors-title"
          title={t('home.sectors.title')}
          lead={t('home.sectors.lead', { count: sectors.length })}
        />
        <ul className="chips">
          {sectors.map((sector) => (
            <li key={sector.code} className="chip">
              {sector[lang]}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
