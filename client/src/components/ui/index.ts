export { Alert, type AlertProps, type AlertTone } from './Alert';
export { Badge, type BadgeProps, type BadgeTone } from './Badge';
export { Button, ButtonLink, type ButtonProps, type ButtonVariant, buttonClass } from './Button';
export { Card, CardHeader } from './Card';
export { type ControlProps, Field, fieldId } from './Field';
export { Input } from './Input';
export { Select, type SelectOption } from './Select';
export { PageLoader, Spinner } from './Spinner';
