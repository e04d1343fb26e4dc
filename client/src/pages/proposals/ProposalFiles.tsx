import type { ProposalDto } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { downloadDealAttachment } from '../../api/deals';
import { saveBlob } from '../../lib/saveBlob';

/** A proposal's files, each downloaded with the session's token. */
export function ProposalFiles({ files }: { files: ProposalDto['attachments'] }) {
  const { t } = useTranslation();
  if (!files.length) return <span className="muted">{t('proposals.noFiles')}</span>;
  return (
    <ul className="plain-list">
      {files.map((f) => (
        <li key={f.url}>
          <a
            href={f.url}
            onClick={(e) => {
              e.preventDefault();
              void downloadDealAttachment(f.url).then((blob) => saveBlob(blob, f.name));
            }}
          >
            {f.name}
          </a>
        </li>
      ))}
    </ul>
  );
}
