/** One of the plugin's status icons, as text (copyable, what the plugin prints). */
export function Glyph({ char, className = '' }: { char: string; className?: string }) {
  return (
    <span className={`${className}${char === '॥' ? ' glyph-paused' : ''}`} aria-hidden="true">
      {char}
    </span>
  );
}
