import { useTranslation } from 'react-i18next';
import { Field, Input } from '../../../components/ui';
import { parseAmount } from '../../../forms/formTools';
import { formatMoney } from '../../../lib/format';
import { OptionalLabel } from './TextField';

export interface AmountFieldProps {
  name: string;
  label: string;
  value: string;
  currency: string;
  onChange: (value: string) => void;
  error?: string;
}

/** A money amount; the hint repeats it formatted ("= 1.200.000.000 ₫") so typos show at once. */
export function AmountField({ name, label, value, currency, onChange, error }: AmountFieldProps) {
  const { t } = useTranslation();
  const amount = parseAmount(value);
  const hint =
    amount !== undefined && Number.isFinite(amount)
      ? t('listingForm.hints.amountEquals', { amount: formatMoney(amount, currency) })
      : t('listingForm.hints.amount', { currency });
  return (
    <Field name={name} label={<OptionalLabel label={label} />} hint={hint} error={error}>
      {(control) => (
        <div className="input-affix">
          <Input
            {...control}
            inputMode="numeric"
            autoComplete="off"
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
          <span className="input-affix__suffix" aria-hidden="true">
            {currency}
          </span>
        </div>
      )}
    </Field>
  );
}
