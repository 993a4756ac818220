/** Mounts the App in a FluentProvider (Microsoft's task-pane template shape). */
import { createRoot, type Root } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, type AppProps } from './App';

export function mountPane(container: HTMLElement, props: AppProps): Root {
  const root = createRoot(container);
  root.render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
  return root;
}
