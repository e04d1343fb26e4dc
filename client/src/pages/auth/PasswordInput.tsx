import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ControlProps, Input } from '../../components/ui';

export interface PasswordInputProps extends ControlProps {
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a show/hide toggle that whose label says what it will do. */
export function PasswordInput({ value, onChange, autoComplete, ...control }: PasswordInputProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  return (
    <div className="password-input">
      <Input
        {...control}
        type={visible ? 'text' : 'password'}
        autoComplete={autoComplete}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        spellCheck={false}
        autoCapitalize="none"
      />
      <button
        type="button"
        className="password-input__toggle"
        aria-controls={control.id}
        onClick={() => setVisible((v) => !v)}
      >
        {visible ? t('auth.fields.hidePassword') : t('auth.fields.showPassword')}
      </button>
    </div>
  );
}
