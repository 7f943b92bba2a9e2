// The Vigil shield, drawn in currentColor so it follows the theme. Decorative: the product name
// always sits next to it as text.
export function BrandMark({ size = 24 }: { size?: number }) {
  return (
    <svg
      className="brand-mark"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
    >
      <path
        d="M12 2.5 4 5.5v6c0 5 3.4 8.9 8 10 4.6-1.1 8-5 8-10v-6z"
        fill="currentColor"
      />
      <path
        d="M8.5 12.2 11 14.7l4.8-5"
        fill="none"
        stroke="var(--brand-mark-check, #fff)"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
