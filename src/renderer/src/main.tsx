// The global sheets come first, so a component's CSS Module wins over them where both set a property.
import './styles/tokens.css';
import './styles/base.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { RenderJobPage, parseRenderJobRoute } from './features/render/RenderJobPage';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// `flipside render` opens a bare page that runs one render (no library, no recovery prompt); everything else is the app.
const job = parseRenderJobRoute(window.location.hash);

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>{job ? <RenderJobPage {...job} /> : <App />}</ErrorBoundary>
  </StrictMode>,
);
