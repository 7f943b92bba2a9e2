const ROWS = [1, 2, 3, 4, 5, 6, 7, 8] as const;

export default function AppLoading() {
  return (
    <div className="page" aria-busy="true">
      <p role="status" className="sr-only">
        Loading…
      </p>
      <div className="page-header" aria-hidden="true">
        <div className="page-header-text">
          <div className="skeleton skeleton-title" />
          <div className="skeleton skeleton-line" />
        </div>
      </div>
      <div className="card stack" aria-hidden="true">
        <div className="skeleton skeleton-toolbar" />
        {ROWS.map((row) => (
          <div key={row} className="skeleton skeleton-row" />
        ))}
      </div>
    </div>
  );
}
