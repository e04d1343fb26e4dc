import { ipStatuses, ipTypes, type ListingDto, labelOf, sectors, transferModes } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { TrlBadge } from '../../components/listings/ListingBadges';
import { formatDate } from '../../lib/format';
import { provinceName, trlDescription } from '../../lib/taxonomy';
import { useLang } from '../../lib/useLang';
import { type Detail, DetailList } from '../account/DetailList';
import { budgetText, priceText } from './money';

function Tags({ items }: { items: readonly string[] }) {
  return (
    <ul className="tag-list">
      {items.map((item) => (
        <li key={item} className="tag">
          {item}
        </li>
      ))}
    </ul>
  );
}

function Trl({ level, min }: { level: number; min?: boolean }) {
  const lang = useLang();
  return (
    <span className="trl-fact">
      <TrlBadge trl={level} min={min} />
      <span className="trl-fact__text">{trlDescription(level, lang)}</span>
    </span>
  );
}

/** The structured facts of an offer or demand as a description list. */
export function ListingFacts({ listing }: { listing: ListingDto }) {
  const { t } = useTranslation();
  const lang = useLang();
  const notProvided = <span className="muted">{t('common.notProvided')}</span>;
  const items: Detail[] = [
    {
      label: t('listing.fields.sectors'),
      value: <Tags items={listing.sectors.map((c) => labelOf(sectors, c, lang))} />,
    },
  ];
  if (listing.keywords.length)
    items.push({ label: t('listing.fields.keywords'), value: <Tags items={listing.keywords} /> });

  if (listing.type === 'offer') {
    items.push(
      { label: t('listing.fields.trl'), value: <Trl level={listing.trl} /> },
      {
        label: t('listing.fields.ip'),
        value: (
          <span className="stack-text">
            <span>{labelOf(ipTypes, listing.ip.type, lang)}</span>
            <span className="muted">
              {labelOf(ipStatuses, listing.ip.status, lang)}
              {listing.ip.number && ` · ${t('listing.fields.ipNumberShort', { number: listing.ip.number })}`}
            </span>
          </span>
        ),
      },
      { label: t('listing.fields.price'), value: priceText(listing.price, t) },
    );
  } else {
    items.push(
      {
        label: t('listing.fields.trlMin'),
        value: listing.trlMin ? <Trl level={listing.trlMin} min /> : t('listing.noTrlMin'),
      },
      { label: t('listing.fields.budget'), value: budgetText(listing.budget, t) },
      {
        label: t('listing.fields.deadline'),
        value: listing.deadline ? formatDate(listing.deadline, lang) : notProvided,
      },
    );
  }

  items.push(
    {
      label: t('listing.fields.transferModes'),
      value: (
        <ul className="plain-list">
          {listing.transferModes.map((code) => (
            <li key={code}>{labelOf(transferModes, code, lang)}</li>
          ))}
        </ul>
      ),
    },
    { label: t('listing.fields.province'), value: <span lang="vi">{provinceName(listing.province)}</span> },
  );

  if (listing.type === 'offer') {
    items.push({
      label: t('listing.fields.applications'),
      value: listing.applications.length ? (
        <ul className="plain-list">
          {listing.applications.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      ) : (
        notProvided
      ),
    });
  }

  return <DetailList items={items} />;
}
