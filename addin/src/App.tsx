// The pane's shell: sign in (the token is kept with the workbook), a one-time password replaced first, then work.
import { Button, MessageBar, MessageBarActions, MessageBarBody, Tab, TabList, Text, Title3 } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { format, type Lang } from '../../shared/i18n.ts';
import { ROLE_LABELS, type Role } from '../../shared/roles.ts';
import type { Api } from './api/client.ts';
import { Accounts } from './features/accounts/Accounts.tsx';
import { AllocatePane } from './features/allocate/AllocatePane.tsx';
import { useAccounts } from './features/accounts/useAccounts.ts';
import { CataloguePane } from './features/catalogue/CataloguePane.tsx';
import { ChangePassword, SignIn } from './features/connect/SignIn.tsx';
import { usePaneLang, useSession } from './features/connect/useSession.ts';
import { DirectPane } from './features/direct/DirectPane.tsx';
import { FilesPane } from './features/files/FilesPane.tsx';
import { GiftsPane } from './features/gifts/GiftsPane.tsx';
import { InvoicesPane } from './features/invoices/InvoicesPane.tsx';
import { JobsPane } from './features/jobs/JobsPane.tsx';
import { MatchingPane } from './features/matching/MatchingPane.tsx';
import { useJobFeed } from './features/jobs/useJobFeed.ts';
import { OrdersPane } from './features/orders/OrdersPane.tsx';
import type { Notice } from './features/work.tsx';
import { StockPane } from './features/stock/StockPane.tsx';
import { SoldOutPane } from './features/sold-out/SoldOutPane.tsx';
import { ScanPane } from './features/scan/ScanPane.tsx';
import { CsPane } from './features/cs/CsPane.tsx';
import { MergePane } from './features/merge/MergePane.tsx';
import { SalesPane } from './features/sales/SalesPane.tsx';
import { BoardPane } from './features/board/BoardPane.tsx';
import { ClaimNotices } from './features/board/ClaimNotices.tsx';
import { paneMessages as m } from './messages.ts';
import { useLayout } from './styles.ts';
import './pane.css';

export function App() {
  const ui = useLayout();
  const [lang, switchLang] = usePaneLang();
  const { session, api, signIn, changePassword, signOut, endedFor } = useSession(lang);

  return (
    <main lang={lang} className={`ss-pane ${ui.shell}`}>
      <header className={ui.spread}>
        <Title3>{format(m.title, {}, lang)}</Title3>
        <Button size="small" appearance="subtle" onClick={() => void switchLang()}>
          {format(m.language, {}, lang)}
        </Button>
      </header>
      {!session && <SignIn lang={lang} signIn={signIn} endedFor={endedFor} />}
      {session?.mustChangePassword && <ChangePassword lang={lang} changePassword={changePassword} signOut={() => void signOut()} />}
      {session && !session.mustChangePassword && (
        <>
          <div className={ui.spread}>
            <Text>{format(m.signed_in_as, { name: session.username, role: ROLE_LABELS[session.role as Role]?.[lang] ?? session.role }, lang)}</Text>
            <Button size="small" onClick={() => void signOut()}>
              {format(m.sign_out, {}, lang)}
            </Button>
          </div>
          <Work api={api} lang={lang} role={session.role} />
        </>
      )}
    </main>
  );
}

/**
 * The tabs in four labelled groups, in the order of the day: orders in and their problems, the warehouse's work,
 * the products, and the setup. Each group is its own tab list; one tab is selected over all of them.
 */
const TAB_GROUPS = [
  { id: 'orders', tabs: ['board', 'orders', 'matching', 'cs', 'soldout', 'direct'] },
  { id: 'shipping', tabs: ['merge', 'allocate', 'gifts', 'invoices', 'scan'] },
  { id: 'products', tabs: ['catalogue', 'stock', 'sales'] },
  { id: 'setup', tabs: ['files', 'jobs', 'accounts'] },
] as const;
type TabId = (typeof TAB_GROUPS)[number]['tabs'][number];

/** The work panes, one tab each; every pane keeps its state while another is shown. */
function Work({ api, lang, role }: { api: Api; lang: Lang; role: string }) {
  const ui = useLayout();
  // The status board first: what needs doing, one click from the lines.
  const [tab, setTab] = useState<TabId>('board');
  // A pull from 현황 goes on on 주문, where its rows are worked: the pull's notice is shown there, not left behind.
  const [pulled, setPulled] = useState<Notice | null>(null);
  const showOrders = useCallback((notice: Notice) => {
    setPulled(notice);
    setTab('orders');
  }, []);
  // Read once per sign-in and shared (and again as jobs end): every pane offers the accounts, the accounts tab lists them.
  const feed = useJobFeed(api);
  const accounts = useAccounts(api, feed, tab === 'accounts');
  const list = accounts.accounts ?? [];
  return (
    <>
      <ClaimNotices api={api} feed={feed} lang={lang} />
      <nav className={ui.tight} aria-label={format(m.tabs, {}, lang)}>
        {TAB_GROUPS.map((g) => (
          <div key={g.id} className="ss-tab-group" role="group" aria-label={format(m[`tab_group_${g.id}`], {}, lang)}>
            <Text size={200} weight="semibold" className="ss-tab-group-label" aria-hidden>
              {format(m[`tab_group_${g.id}`], {}, lang)}
            </Text>
            <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as TabId)}>
              {g.tabs.map((id) => (
                <Tab key={id} value={id}>
                  {format(m[`tab_${id}`], {}, lang)}
                </Tab>
              ))}
            </TabList>
          </div>
        ))}
      </nav>
      {/* The accounts are read once per sign-in; a read that failed (the server restarting, the network gone) would
          leave 현황 and 작업 blank for the whole session, so it says so and reads again on request. */}
      {!accounts.accounts && accounts.error && (
        <MessageBar intent="error" layout="multiline" data-testid="accounts-unread">
          <MessageBarBody>{format(m.accounts_unread, { error: accounts.error }, lang)}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void accounts.reload()}>
              {format(m.retry, {}, lang)}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div hidden={tab !== 'board'}>
        {accounts.accounts && <BoardPane api={api} feed={feed} lang={lang} accounts={list} active={tab === 'board'} onPulled={showOrders} />}
      </div>
      <div hidden={tab !== 'orders'}>
        <OrdersPane api={api} feed={feed} lang={lang} accounts={list} pulledNotice={pulled} />
      </div>
      <div hidden={tab !== 'invoices'}>
        <InvoicesPane api={api} feed={feed} lang={lang} accounts={list} role={role} active={tab === 'invoices'} />
      </div>
      <div hidden={tab !== 'jobs'}>{accounts.accounts && <JobsPane api={api} feed={feed} lang={lang} accounts={list} />}</div>
      <div hidden={tab !== 'direct'}>
        <DirectPane api={api} lang={lang} />
      </div>
      <div hidden={tab !== 'soldout'}>
        <SoldOutPane api={api} lang={lang} active={tab === 'soldout'} role={role} />
      </div>
      <div hidden={tab !== 'gifts'}>
        <GiftsPane api={api} lang={lang} active={tab === 'gifts'} role={role} accounts={list} />
      </div>
      <div hidden={tab !== 'scan'}>
        <ScanPane api={api} lang={lang} active={tab === 'scan'} />
      </div>
      <div hidden={tab !== 'cs'}>
        <CsPane api={api} feed={feed} lang={lang} role={role} openSoldOut={() => setTab('soldout')} />
      </div>
      <div hidden={tab !== 'merge'}>
        <MergePane api={api} lang={lang} active={tab === 'merge'} role={role} />
      </div>
      <div hidden={tab !== 'files'}>
        <FilesPane api={api} lang={lang} accounts={list} role={role} />
      </div>
      <div hidden={tab !== 'matching'}>
        <MatchingPane api={api} lang={lang} role={role} />
      </div>
      <div hidden={tab !== 'stock'}>
        <StockPane api={api} lang={lang} />
      </div>
      <div hidden={tab !== 'allocate'}>
        <AllocatePane api={api} lang={lang} role={role} accounts={list} />
      </div>
      <div hidden={tab !== 'catalogue'}>
        <CataloguePane api={api} lang={lang} role={role} />
      </div>
      <div hidden={tab !== 'sales'}>
        <SalesPane api={api} lang={lang} />
      </div>
      <div hidden={tab !== 'accounts'}>
        <Accounts api={api} accounts={accounts} lang={lang} role={role} />
      </div>
    </>
  );
}
