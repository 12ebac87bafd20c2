import { Component, type ErrorInfo, type ReactNode } from 'react';
import { messageOf } from '../api/problem.js';

type State = { error: unknown };

/** Never a blank screen: a render error shows what failed and a way back, and the rest of the app stays. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('dashboard render error', error, info.componentStack);
  }

  override componentDidUpdate(previous: { resetKey?: unknown }): void {
    // Navigating elsewhere clears the error.
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    const { title, detail } = messageOf(this.state.error);
    return (
      <div className="problem page-error" role="alert">
        <h2>This page failed to show</h2>
        <p><strong>{title}</strong> {detail}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>Try again</button>{' '}
        <a href="/">Back to the overview</a>
      </div>
    );
  }
}
