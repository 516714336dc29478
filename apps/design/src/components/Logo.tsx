/** The wordmark: КиноБездна with the accent on the abyss. */
export function Logo({ href = '/' }: { href?: string }) {
  return (
    <a className="kb-logo" href={href} aria-label="KinoBezdna, home">
      Кино<span>Бездна</span>
    </a>
  );
}
