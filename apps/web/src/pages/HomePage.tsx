import { Link } from 'react-router-dom';

export function HomePage() {
  return (
    <section className="hero" aria-labelledby="hero-title">
      <p className="hero-kicker">Online cinema</p>
      <h1 id="hero-title" className="hero-title">Fall into a film.</h1>
      <p className="hero-text">
        Find films, watch them alone or together with friends, and see what everyone is watching right now.
      </p>
      <div className="hero-actions">
        <Link className="kb-button kb-button--primary" to="/films">Browse films</Link>
        <Link className="kb-button kb-button--ghost" to="/status">Platform status</Link>
      </div>
    </section>
  );
}
