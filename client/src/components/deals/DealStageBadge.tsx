import type { DealStage } from '@techbridge/shared';
import { useTranslation } from 'react-i18next';
import { Badge } from '../ui';
import { stageTones } from './dealHelpers';

export function DealStageBadge({ stage }: { stage: DealStage }) {
  const { t } = useTranslation();
  return <Badge tone={stageTones[stage]}>{t(`deals.stages.${stage}`)}</Badge>;
}
