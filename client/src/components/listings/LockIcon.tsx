export function LockIcon() {
  return (
    <svg className="lock-icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <path
        fill="currentColor"
        d="M10 1.5a4.5 4.5 0 0 0-4.5 4.5v2H4.8A1.8 1.8 0 0 0 3 9.8v7.4A1.8 1.8 0 0 0 4.8 19h10.4a1.8 1.8 0 0 0 1.8-1.8V9.8A1.8 1.8 0 0 0 15.2 8h-.7V6A4.5 4.5 0 0 0 10 1.5ZM7.3 6a2.7 2.7 0 1 1 5.4 0v2H7.3V6Zm2.7 5a1.5 1.5 0 0 1 .8 2.8V16H9.2v-2.2A1.5 1.5 0 0 1 10 11Z"
      />
    </svg>
  );
}
