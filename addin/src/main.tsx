// First: before any schema is used (see csp.ts).
import './csp.ts';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { officeReady } from './excel/office.ts';

// Render once Office is ready; outside Office (a plain browser, the preview workbench) it is ready at once.
await officeReady();
createRoot(document.getElementById('root')!).render(
  <FluentProvider theme={webLightTheme}>
    <App />
  </FluentProvider>,
);
