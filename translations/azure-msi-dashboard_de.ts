<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>Amo::Gui::ApplyProgressDialog</name>
    <message>
        <location filename="../gui/views/applyprogressdialog.cpp" line="+27"/>
        <source>applied</source>
        <translation>angewendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for namespace</source>
        <translation>wartet auf Namespace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Approve &amp; Sync</source>
        <translation>Freigeben &amp; synchronisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Start no further items; items already sent still finish</source>
        <translation>Keine weiteren Einträge starten; bereits gesendete laufen zu Ende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel Approve &amp; Sync</source>
        <translation>Freigeben &amp; synchronisieren abbrechen</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>%1 applied, %2 failed, %3 cancelled of %4</source>
        <translation>%1 geschrieben, %2 fehlgeschlagen, %3 abgebrochen von %4</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, %1 unchanged</source>
        <translation>, %1 unverändert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 waiting for a namespace</source>
        <translation>, %1 warten auf einen Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve &amp; Sync finished: %1.</source>
        <translation>Freigeben &amp; synchronisieren beendet: %1.</translation>
    </message>
    <message>
        <location line="-74"/>
        <source>Checking that nothing changed since the preview…</source>
        <translation>Prüfe, ob sich seit der Vorschau nichts geändert hat …</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cancelling: no further item starts; the items already sent finish…</source>
        <translation>Wird abgebrochen: kein weiterer Eintrag beginnt; bereits gesendete laufen zu Ende …</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>%1 of %2 items done</source>
        <translation>%1 von %2 Einträgen erledigt</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::DashboardSession</name>
    <message>
        <location filename="../gui/session/dashboardsession.cpp" line="+155"/>
        <source>Reading ServiceAccounts, federated credentials and pods</source>
        <translation>ServiceAccounts, föderierte Anmeldeinformationen und Pods werden gelesen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cancelled before anything was written.</source>
        <translation>Abgebrochen, bevor etwas geschrieben wurde.</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+57"/>
        <source>Planning</source>
        <translation>Planung</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Cannot read the cluster %1: %2</source>
        <translation>Der Cluster %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Workload identity mode plans nothing: %1</source>
        <translation>Der Workload-Identity-Modus plant nichts: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The migration view is incomplete: %1</source>
        <translation>Die Migrationsansicht ist unvollständig: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read Azure (the subscription list): %1</source>
        <translation>Azure kann nicht gelesen werden (die Abonnementliste): %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription %1 could not be listed: %2</source>
        <translation>Das Abonnement %1 konnte nicht aufgelistet werden: %2</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 (context %2)</source>
        <translation>%1 (Kontext %2)</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::DetailsPane</name>
    <message>
        <location filename="../gui/views/detailspane.cpp" line="+30"/>
        <source>Raw template outputs of the selected MSI</source>
        <translation>Rohausgaben der Templates für die gewählte MSI</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What the namespace and name templates produced for this MSI, and why parts were skipped</source>
        <translation>Was die Namespace- und Namens-Templates für diese MSI ergeben haben und warum Teile übersprungen wurden</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Select a row to see its objects</source>
        <translation>Wählen Sie eine Zeile, um ihre Objekte zu sehen</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::DriftTableModel</name>
    <message>
        <location filename="../gui/models/drifttablemodel.cpp" line="+12"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Binding</source>
        <translation>Binding</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Points at</source>
        <translation>Zeigt auf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Operator would set</source>
        <translation>Operator würde setzen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::EnvImport</name>
    <message>
        <location filename="../gui/connect/envimport.cpp" line="+40"/>
        <source>missing closing &apos;</source>
        <translation>schließendes &apos; fehlt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>missing closing &quot;</source>
        <translation>schließendes &quot; fehlt</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Line %1: expected KEY=value.</source>
        <translation>Zeile %1: KEY=Wert erwartet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Line %1 (%2): %3.</source>
        <translation>Zeile %1 (%2): %3.</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 only affects the agent; the dashboard does not use it.</source>
        <translation>%1 betrifft nur den Agenten; das Dashboard verwendet es nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 is not an operator setting and was ignored.</source>
        <translation>%1 ist keine Einstellung des Operators und wurde ignoriert.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::EnvImportDialog</name>
    <message>
        <location filename="../gui/connect/envimportdialog.cpp" line="+22"/>
        <source>Import from Environment</source>
        <translation>Aus Umgebung importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paste the agent&apos;s environment settings (KEY=value lines, as in a Kubernetes env file, a .env file or export lines), or open such a file.</source>
        <translation>Fügen Sie die Umgebungseinstellungen des Agenten ein (KEY=Wert-Zeilen wie in einer Kubernetes-env-Datei, einer .env-Datei oder export-Zeilen) oder öffnen Sie eine solche Datei.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open File…</source>
        <translation>Datei öffnen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open Environment File</source>
        <translation>Umgebungsdatei öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Environment files (*.env *.sh *.txt);;All files (*)</source>
        <translation>Umgebungsdateien (*.env *.sh *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::ErrorBanner</name>
    <message>
        <location filename="../gui/views/errorbanner.cpp" line="+19"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Error message</source>
        <translation>Fehlermeldung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the message to the clipboard</source>
        <translation>Die Meldung in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy the error message</source>
        <translation>Die Fehlermeldung kopieren</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::ExpiryTableModel</name>
    <message>
        <location filename="../gui/models/expirytablemodel.cpp" line="+16"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AzureIdentity</source>
        <translation>AzureIdentity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MSI</source>
        <translation>MSI</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Days left</source>
        <translation>Verbleibende Tage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Orphan</source>
        <translation>Verwaist</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next sync renews to</source>
        <translation>Nächster Sync verlängert bis</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>(MSI gone)</source>
        <translation>(MSI entfernt)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::MainWindow</name>
    <message>
        <location filename="../gui/views/mainwindow.cpp" line="+69"/>
        <location line="+423"/>
        <source>Azure MSI Dashboard</source>
        <translation>Azure-MSI-Dashboard</translation>
    </message>
    <message>
        <location line="-396"/>
        <source>MSIs</source>
        <translation>MSIs</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Namespaces</source>
        <translation>Namespaces</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Binding drift</source>
        <translation>Binding-Abweichungen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Expiry</source>
        <translation>Ablauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../gui/views/mainwindowactions.cpp" line="+72"/>
        <source>Workload identity</source>
        <translation>Workload Identity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Migration</source>
        <translation>Migration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every MSI and what the next sync does about it</source>
        <translation>Alle MSIs und was der nächste Sync mit ihnen tut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every target namespace: exists, ignored, identities aimed at it</source>
        <translation>Alle Ziel-Namespaces: vorhanden, ignoriert, darauf zielende Identitäten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bindings that point elsewhere than the operator would set, or at nothing</source>
        <translation>Bindings, die woandershin zeigen als der Operator setzen würde, oder ins Leere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Managed AzureIdentities by expiry date, orphans included</source>
        <translation>Verwaltete AzureIdentities nach Ablaufdatum, einschließlich verwaister</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workload identity mode: per pair the ServiceAccount and the federated credential, and each identity&apos;s credentials out of 20</source>
        <translation>Workload-Identity-Modus: je Paar der ServiceAccount und die föderierte Anmeldeinformation, und die Anmeldeinformationen jeder Identität von höchstens 20</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The pods behind each AzureIdentityBinding and what they need for workload identity (workload identity mode reads them)</source>
        <translation>Die Pods hinter jedem AzureIdentityBinding und was sie für Workload Identity brauchen (der Workload-Identity-Modus liest sie)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Filter (Ctrl+F): matches any column</source>
        <translation>Filter (Strg+F): passt auf jede Spalte</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Show only rows in this state</source>
        <translation>Nur Zeilen in diesem Status zeigen</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Loading failed: %1</source>
        <translation>Laden fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Reading… %1 (%2 of %3)</source>
        <translation>Lese … %1 (%2 von %3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Reading Azure and the cluster…</source>
        <translation>Lese Azure und den Cluster …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <location line="+88"/>
        <source>Rows: %n</source>
        <translation>
            <numerusform>Zeilen: %n</numerusform>
            <numerusform>Zeilen: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Rows: %1 of %n</source>
        <translation>
            <numerusform>Zeilen: %1 von %n</numerusform>
            <numerusform>Zeilen: %1 von %n</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>F5	Refresh: read Azure and the cluster again
Esc	Cancel the read in progress; in the filter: clear it
Ctrl+P	Preview the plan as a checklist
Ctrl+Return	Approve &amp; Sync the ticked items
Ctrl+F	Filter the rows
Ctrl+1…6, Alt+1…6	MSIs, Namespaces, Binding drift, Expiry, Workload identity, Migration
Ctrl+Tab, Ctrl+Shift+Tab	Next, previous view
Alt+R	Pick a profile
Ctrl+Shift+M	The profile menu
F1, ?	This list</source>
        <translation>F5	Aktualisieren: Azure und den Cluster neu lesen
Esc	Laufendes Lesen abbrechen; im Filter: ihn leeren
Strg+P	Den Plan als Checkliste voranzeigen
Strg+Eingabe	Die angehakten Einträge freigeben &amp; synchronisieren
Strg+F	Zeilen filtern
Strg+1…6, Alt+1…6	MSIs, Namespaces, Binding-Abweichung, Ablauf, Workload Identity, Migration
Strg+Tab, Strg+Umschalt+Tab	Nächste, vorige Ansicht
Alt+R	Ein Profil wählen
Strg+Umschalt+M	Das Profilmenü
F1, ?	Diese Liste</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>All states</source>
        <translation>Alle Status</translation>
    </message>
    <message numerus="yes">
        <location line="-305"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n h</source>
        <translation>
            <numerusform>%n h</numerusform>
            <numerusform>%n h</numerusform>
        </translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Show only rows containing this text in any column (Ctrl+F; Esc clears it)</source>
        <translation>Nur Zeilen zeigen, die diesen Text in einer Spalte enthalten (Strg+F; Esc leert das Feld)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Filter rows</source>
        <translation>Zeilen filtern</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>&amp;State:</source>
        <translation>&amp;Zustand:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>State filter</source>
        <translation>Zustandsfilter</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Approve &amp; Sync: checking that nothing changed… %1 (%2 of %3)</source>
        <translation>Freigeben &amp; synchronisieren: Prüfe, dass sich nichts geändert hat … %1 (%2 von %3)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Approve &amp; Sync: writing, %1 of %2 items done…</source>
        <translation>Freigeben &amp; synchronisieren: Schreibe, %1 von %2 Einträgen erledigt …</translation>
    </message>
    <message>
        <location line="+101"/>
        <source>Azure read at %1 (%2 ago)</source>
        <translation>Azure gelesen am %1 (vor %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cluster live</source>
        <translation>Cluster live</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>cluster read with Azure</source>
        <translation>Cluster mit Azure gelesen</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %2. MSIs: %n. %3</source>
        <translation>
            <numerusform>%1, %2. MSIs: %n. %3</numerusform>
            <numerusform>%1, %2. MSIs: %n. %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%1, %2. MSIs: %n, failing subscriptions: %3. %4</source>
        <translation>
            <numerusform>%1, %2. MSIs: %n, fehlschlagende Abonnements: %3. %4</numerusform>
            <numerusform>%1, %2. MSIs: %n, fehlschlagende Abonnements: %3. %4</numerusform>
        </translation>
    </message>
    <message>
        <location line="-32"/>
        <source>the cluster or Azure changed, and with it the plan</source>
        <translation>der Cluster oder Azure hat sich geändert und damit der Plan</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <location line="+74"/>
        <location line="+2"/>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (read only)</source>
        <translation>%1 (nur lesen)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1. Showing the MSIs of the last good listing; none of them is reported as an orphan.</source>
        <translation>%1. Gezeigt werden die MSIs der letzten erfolgreichen Auflistung; keine davon wird als verwaist gemeldet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Identities of failing subscriptions are not reported as orphans.</source>
        <translation>Identitäten fehlschlagender Abonnements werden nicht als verwaist gemeldet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The views show the last good read, from %1 (%2 old): they are stale. No plan is built on the failed read.</source>
        <translation>Die Ansichten zeigen das letzte erfolgreiche Lesen vom %1 (%2 alt): Sie sind veraltet. Auf dem fehlgeschlagenen Lesen wird kein Plan erstellt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing could be loaded yet; press F5 to try again.</source>
        <translation>Bisher konnte nichts geladen werden; F5 versucht es erneut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the Lease: %1. Approve &amp; Sync asks first, as if an agent were writing.</source>
        <translation>Die Lease kann nicht gelesen werden: %1. Freigeben &amp; synchronisieren fragt zuerst, als ob ein Agent schriebe.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Cannot read the Lease: %1</source>
        <translation>Die Lease kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent active: %1 holds the Lease</source>
        <translation>Agent aktiv: %1 hält die Lease</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agent Lease expired (last holder %1)</source>
        <translation>Lease des Agenten abgelaufen (zuletzt gehalten von %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No agent holds the Lease</source>
        <translation>Kein Agent hält die Lease</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Computing a preview first; approve the ticked items there.</source>
        <translation>Zuerst wird eine Vorschau berechnet; geben Sie dort die angehakten Einträge frei.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+4"/>
        <source>Approve &amp; Sync</source>
        <translation>Freigeben &amp; synchronisieren</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>No item is ticked.</source>
        <translation>Kein Eintrag ist angehakt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <source>Two writers</source>
        <translation>Zwei Schreiber</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The in-cluster agent %1 holds the Lease and is writing too. Two writers are active; apply anyway?</source>
        <translation>Der Agent %1 im Cluster hält die Lease und schreibt ebenfalls. Zwei Schreiber sind aktiv; trotzdem anwenden?</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The agent&apos;s Lease cannot be read (%1), so an in-cluster agent may be writing too. Apply anyway?</source>
        <translation>Die Lease des Agenten kann nicht gelesen werden (%1), daher schreibt vielleicht auch ein Agent im Cluster. Trotzdem anwenden?</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Approve &amp; Sync: writing, 0 of %1 items done…</source>
        <translation>Freigeben &amp; synchronisieren: Schreibe, 0 von %1 Einträgen erledigt …</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Approve &amp; Sync is running</source>
        <translation>Freigeben &amp; synchronisieren läuft</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes to the cluster are in progress. Cancel the remaining items and close the window once the items already sent have finished?</source>
        <translation>Es wird in den Cluster geschrieben. Die übrigen Einträge abbrechen und das Fenster schließen, sobald die bereits gesendeten fertig sind?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Nothing was written: %1</source>
        <translation>Nichts wurde geschrieben: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing was written:
%1

Run a new preview (Ctrl+P) and approve again.</source>
        <translation>Nichts wurde geschrieben:
%1

Erstellen Sie eine neue Vorschau (Strg+P) und geben Sie erneut frei.</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Run a new preview</source>
        <translation>Neue Vorschau berechnen</translation>
    </message>
    <message>
        <location filename="../gui/views/mainwindowactions.cpp" line="-37"/>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Read Azure and the cluster again (F5)</source>
        <translation>Azure und den Cluster erneut lesen (F5)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop the read in progress (Esc)</source>
        <translation>Laufendes Lesen abbrechen (Esc)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute the plan and show it as a checklist (Ctrl+P)</source>
        <translation>Plan berechnen und als Checkliste zeigen (Strg+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve &amp;&amp; Sync</source>
        <translation>Freigeben &amp;&amp; synchronisieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+94"/>
        <source>Apply exactly the items ticked in the preview (Ctrl+Return)</source>
        <translation>Genau die in der Vorschau angehakten Einträge anwenden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Export JSON…</source>
        <translation>Als JSON exportieren …</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export YAML…</source>
        <translation>Als YAML exportieren …</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save the whole plan of the latest read as JSON, every item (the preview exports only the ticked ones)</source>
        <translation>Den ganzen Plan des letzten Lesens als JSON speichern, alle Einträge (die Vorschau exportiert nur die angehakten)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the whole plan of the latest read as YAML, every item (the preview exports only the ticked ones)</source>
        <translation>Den ganzen Plan des letzten Lesens als YAML speichern, alle Einträge (die Vorschau exportiert nur die angehakten)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export migration…</source>
        <translation>Migration exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the Migration view as a report (Markdown or CSV) a team can act on</source>
        <translation>Die Migrationsansicht als Bericht (Markdown oder CSV) speichern, nach dem ein Team handeln kann</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Workload identity mode: also plan ServiceAccounts and federated credentials, and read the pods for the Migration view</source>
        <translation>Workload-Identity-Modus: auch ServiceAccounts und föderierte Anmeldeinformationen planen und die Pods für die Migrationsansicht lesen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Apply results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the per-item results of the latest Approve &amp; Sync</source>
        <translation>Die Ergebnisse je Eintrag des letzten Freigebens &amp; Synchronisierens zeigen</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whether an in-cluster agent holds the leader Lease and is writing</source>
        <translation>Ob ein Agent im Cluster die Leader-Lease hält und schreibt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whether you may make the plan&apos;s writes, as the API server answered</source>
        <translation>Ob Sie die Schreibvorgänge des Plans ausführen dürfen, laut API-Server</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No write access: %1</source>
        <translation>Kein Schreibzugriff: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Approve &amp; Sync is disabled: %1</source>
        <translation>Freigeben &amp; synchronisieren ist gesperrt: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing is loaded yet.</source>
        <translation>Noch ist nichts geladen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Export the migration report</source>
        <translation>Den Migrationsbericht exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Markdown (*.md);;CSV (*.csv)</source>
        <translation>Markdown (*.md);;CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Migration report saved to %1.</source>
        <translation>Migrationsbericht in %1 gespeichert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export migration</source>
        <translation>Migration exportieren</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Copy name</source>
        <translation>Name kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the row&apos;s name to the clipboard</source>
        <translation>Den Namen der Zeile in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy ID</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the row&apos;s ID to the clipboard</source>
        <translation>Die ID der Zeile in die Zwischenablage kopieren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy client ID</source>
        <translation>Client-ID kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the MSI&apos;s client ID</source>
        <translation>Die Client-ID der MSI kopieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy cell</source>
        <translation>Zelle kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the text of this cell</source>
        <translation>Den Text dieser Zelle kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy desired YAML</source>
        <translation>Soll-YAML kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the desired objects as YAML</source>
        <translation>Die Soll-Objekte als YAML kopieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy live YAML</source>
        <translation>Ist-YAML kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the live objects as YAML</source>
        <translation>Die Objekte im Cluster als YAML kopieren</translation>
    </message>
    <message>
        <location filename="../gui/views/mainwindowprofiles.cpp" line="+34"/>
        <source>P&amp;rofile:</source>
        <translation>P&amp;rofil:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The connection profile: which cloud, tenant and cluster to read</source>
        <translation>Das Verbindungsprofil: welche Cloud, welcher Tenant und welcher Cluster gelesen wird</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Connection profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New profile…</source>
        <translation>Neues Profil …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a connection profile, or import one from the agent&apos;s env settings</source>
        <translation>Ein Verbindungsprofil anlegen oder aus den Env-Einstellungen des Agenten importieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit profile…</source>
        <translation>Profil bearbeiten …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the current profile&apos;s connection and plan options</source>
        <translation>Verbindung und Planoptionen des aktuellen Profils ändern</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+153"/>
        <source>Delete profile</source>
        <translation>Profil löschen</translation>
    </message>
    <message>
        <location line="-151"/>
        <source>Delete the current profile and its secret in the keychain</source>
        <translation>Das aktuelle Profil und sein Geheimnis im Schlüsselbund löschen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Manage connection profiles (Ctrl+Shift+M)</source>
        <translation>Verbindungsprofile verwalten (Strg+Umschalt+M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Manage connection profiles</source>
        <translation>Verbindungsprofile verwalten</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>There is no profile of that name.</source>
        <translation>Es gibt kein Profil dieses Namens.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+62"/>
        <source>Opening profile %1…</source>
        <translation>Profil %1 wird geöffnet …</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Cannot open the profile %1: %2</source>
        <translation>Das Profil %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>New profile</source>
        <translation>Neues Profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A profile named %1 exists already. Replace it?</source>
        <translation>Ein Profil namens %1 existiert bereits. Ersetzen?</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Delete the profile %1 and its secret in the keychain?</source>
        <translation>Das Profil %1 und sein Geheimnis im Schlüsselbund löschen?</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::MigrationTableModel</name>
    <message>
        <location filename="../gui/models/migrationtablemodel.cpp" line="+12"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binding</source>
        <translation>Binding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Runs as</source>
        <translation>Läuft als</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs ServiceAccount</source>
        <translation>Braucht ServiceAccount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pod label</source>
        <translation>Pod-Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>add azure.workload.identity/use: &quot;true&quot;</source>
        <translation>azure.workload.identity/use: &quot;true&quot; hinzufügen</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::MsiTableModel</name>
    <message>
        <location filename="../gui/models/msitablemodel.cpp" line="+12"/>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Subscription</source>
        <translation>Subscription</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Resource group</source>
        <translation>Ressourcengruppe</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Location</source>
        <translation>Region</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client ID</source>
        <translation>Client-ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tag value</source>
        <translation>Tag-Wert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Target namespaces</source>
        <translation>Ziel-Namespaces</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AzureIdentity</source>
        <translation>AzureIdentity</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::NamespaceTableModel</name>
    <message>
        <location filename="../gui/models/namespacetablemodel.cpp" line="+12"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Exists</source>
        <translation>Vorhanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ignored</source>
        <translation>Ignoriert</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Identities aimed at it</source>
        <translation>Darauf zielende Identitäten</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+2"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+2"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::PlanDialog</name>
    <message numerus="yes">
        <location filename="../gui/views/plandialog.cpp" line="+31"/>
        <source>Create AzureIdentity (%n)</source>
        <translation>
            <numerusform>AzureIdentity anlegen (%n)</numerusform>
            <numerusform>AzureIdentities anlegen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Update AzureIdentity (%n)</source>
        <translation>
            <numerusform>AzureIdentity aktualisieren (%n)</numerusform>
            <numerusform>AzureIdentities aktualisieren (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Re-point binding (%n)</source>
        <translation>
            <numerusform>Binding umhängen (%n)</numerusform>
            <numerusform>Bindings umhängen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Waiting for namespace, not written (%n)</source>
        <translation>
            <numerusform>Wartet auf Namespace, nicht geschrieben (%n)</numerusform>
            <numerusform>Warten auf Namespace, nicht geschrieben (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Conflict, not written (%n)</source>
        <translation>
            <numerusform>Konflikt, nicht geschrieben (%n)</numerusform>
            <numerusform>Konflikte, nicht geschrieben (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Orphan, reported only (%n)</source>
        <translation>
            <numerusform>Verwaist, nur gemeldet (%n)</numerusform>
            <numerusform>Verwaist, nur gemeldet (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Skipped (%n)</source>
        <translation>
            <numerusform>Übersprungen (%n)</numerusform>
            <numerusform>Übersprungen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Create ServiceAccount (%n)</source>
        <translation>
            <numerusform>ServiceAccount anlegen (%n)</numerusform>
            <numerusform>ServiceAccounts anlegen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Update ServiceAccount (%n)</source>
        <translation>
            <numerusform>ServiceAccount aktualisieren (%n)</numerusform>
            <numerusform>ServiceAccounts aktualisieren (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Create federated credential in Azure (%n)</source>
        <translation>
            <numerusform>Föderierte Anmeldeinformation in Azure anlegen (%n)</numerusform>
            <numerusform>Föderierte Anmeldeinformationen in Azure anlegen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Update federated credential in Azure (%n)</source>
        <translation>
            <numerusform>Föderierte Anmeldeinformation in Azure aktualisieren (%n)</numerusform>
            <numerusform>Föderierte Anmeldeinformationen in Azure aktualisieren (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Blocked by an Azure limit, not written (%n)</source>
        <translation>
            <numerusform>Durch eine Azure-Grenze blockiert, nicht geschrieben (%n)</numerusform>
            <numerusform>Durch eine Azure-Grenze blockiert, nicht geschrieben (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Plan items</source>
        <translation>Planeinträge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export ticked as JSON…</source>
        <translation>Angehakte als JSON exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the ticked items, and the items reported only, in the plan&apos;s stable JSON form</source>
        <translation>Die angehakten und die nur gemeldeten Einträge in der stabilen JSON-Form des Plans speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export ticked as YAML…</source>
        <translation>Angehakte als YAML exportieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the ticked items, and the items reported only, as YAML</source>
        <translation>Die angehakten und die nur gemeldeten Einträge als YAML speichern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approve &amp;&amp; Sync</source>
        <translation>Freigeben &amp;&amp; synchronisieren</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+149"/>
        <source>Apply exactly the ticked items (Ctrl+Return)</source>
        <translation>Genau die angehakten Einträge anwenden (Strg+Eingabe)</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>%1 (needs AzureIdentity %2 written in this run)</source>
        <translation>%1 (braucht die in diesem Lauf geschriebene AzureIdentity %2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waits for AzureIdentity %1/%2 to be written in this run: ticking this ticks that identity, unticking the identity unticks this.</source>
        <translation>Wartet darauf, dass die AzureIdentity %1/%2 in diesem Lauf geschrieben wird: Wer dies anhakt, hakt die Identität an; wer die Identität abwählt, wählt dies ab.</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>Approve &amp; Sync is disabled: %1</source>
        <translation>Freigeben &amp; synchronisieren ist gesperrt: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;b&gt;This preview is stale:&lt;/b&gt; %1. Approve &amp; Sync re-checks and refuses what changed; run a new preview (Ctrl+P) to see the current plan.</source>
        <translation>&lt;b&gt;Diese Vorschau ist veraltet:&lt;/b&gt; %1. Freigeben &amp; synchronisieren prüft erneut und verweigert, was sich geändert hat; eine neue Vorschau (Strg+P) zeigt den aktuellen Plan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preview (stale)</source>
        <translation>Vorschau (veraltet)</translation>
    </message>
    <message numerus="yes">
        <location line="+16"/>
        <source>Ticked for writing: %n</source>
        <translation>
            <numerusform>Zum Schreiben angehakt: %n</numerusform>
            <numerusform>Zum Schreiben angehakt: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Amo::Gui::Profile</name>
    <message>
        <location filename="../gui/connect/profile.cpp" line="+134"/>
        <source>Name: enter a name for the profile.</source>
        <translation>Name: Geben Sie einen Namen für das Profil ein.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name: a profile name may not contain / or \.</source>
        <translation>Name: Ein Profilname darf weder / noch \ enthalten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name: &quot;Demo&quot; is reserved for the built-in demo profile.</source>
        <translation>Name: „Demo“ ist für das eingebaute Demoprofil reserviert.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cloud: choose one of the listed Azure clouds.</source>
        <translation>Cloud: Wählen Sie eine der aufgeführten Azure-Clouds.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Environment file: Azure Stack needs the file with the cloud&apos;s endpoints.</source>
        <translation>Umgebungsdatei: Azure Stack braucht die Datei mit den Endpunkten der Cloud.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tenant ID: enter the directory (tenant) ID, a GUID.</source>
        <translation>Mandanten-ID: Geben Sie die Verzeichnis-(Mandanten-)ID ein, eine GUID.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tenant ID: leave it empty or enter a GUID.</source>
        <translation>Mandanten-ID: Leer lassen oder eine GUID eingeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client ID: enter the application (client) ID, a GUID.</source>
        <translation>Client-ID: Geben Sie die Anwendungs-(Client-)ID ein, eine GUID.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client ID: leave it empty for the system-assigned identity or enter a GUID.</source>
        <translation>Client-ID: Für die systemzugewiesene Identität leer lassen oder eine GUID eingeben.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Certificate: choose a PEM or PKCS#12 file that exists.</source>
        <translation>Zertifikat: Wählen Sie eine vorhandene PEM- oder PKCS#12-Datei.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subscriptions: &quot;%1&quot; is not a subscription ID.</source>
        <translation>Subscriptions: „%1“ ist keine Subscription-ID.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kubeconfig: the file does not exist.</source>
        <translation>Kubeconfig: Die Datei existiert nicht.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context: choose a context of the kubeconfig.</source>
        <translation>Kontext: Wählen Sie einen Kontext der Kubeconfig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan options: %1</source>
        <translation>Planoptionen: %1</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::ProfileDialog</name>
    <message>
        <location filename="../gui/connect/profiledialog.cpp" line="+35"/>
        <source>Connection Profile</source>
        <translation>Verbindungsprofil</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Azure</source>
        <translation>Azure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan Options</source>
        <translation>Planoptionen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import from Env…</source>
        <translation>Aus Env importieren …</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Choose Azure Stack Environment File</source>
        <translation>Azure-Stack-Umgebungsdatei wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json);;All files (*)</source>
        <translation>JSON-Dateien (*.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose Client Certificate</source>
        <translation>Client-Zertifikat wählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificates (*.pem *.pfx *.p12);;All files (*)</source>
        <translation>Zertifikate (*.pem *.pfx *.p12);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+119"/>
        <source>The secret could not be read from the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import failed: %1</source>
        <translation>Import fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Plan options: %1</source>
        <translation>Planoptionen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client secret: enter the secret of the app registration.</source>
        <translation>Client-Geheimnis: Geben Sie das Geheimnis der App-Registrierung ein.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The secret could not be stored in the keychain, so the profile was not saved: %1</source>
        <translation>Das Geheimnis konnte nicht im Schlüsselbund gespeichert werden, daher wurde das Profil nicht gespeichert: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Empty for the system-assigned identity</source>
        <translation>Leer für die systemzugewiesene Identität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional</source>
        <translation>Optional</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The Demo profile reads the embedded simulator, not a kubeconfig, Azure CLI or any cloud: only its plan options can be changed.</source>
        <translation>Das Demo-Profil liest den eingebauten Simulator, keine kubeconfig, keine Azure CLI und keine Cloud: Nur seine Planoptionen lassen sich ändern.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot read the kubeconfig: %1</source>
        <translation>Die Kubeconfig kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No kubeconfig found in %1.</source>
        <translation>Keine Kubeconfig in %1 gefunden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave empty to use the current context; none is set.</source>
        <translation>Leer lassen, um den aktuellen Kontext zu verwenden; es ist keiner gesetzt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave empty to use the current context (%1).</source>
        <translation>Leer lassen, um den aktuellen Kontext zu verwenden (%1).</translation>
    </message>
    <message>
        <location filename="../gui/connect/profiledialogpages.cpp" line="+51"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Azure public cloud</source>
        <translation>Öffentliche Azure-Cloud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure China</source>
        <translation>Azure China</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure US Government</source>
        <translation>Azure US Government</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Azure Stack</source>
        <translation>Azure Stack</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cloud:</source>
        <translation>&amp;Cloud:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON file with the Azure Stack endpoints</source>
        <translation>JSON-Datei mit den Azure-Stack-Endpunkten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <location line="+32"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>&amp;Environment file:</source>
        <translation>&amp;Umgebungsdatei:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Tenant ID:</source>
        <translation>&amp;Mandanten-ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Azure CLI (az login)</source>
        <translation>Azure CLI (az login)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client secret</source>
        <translation>Client-Geheimnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate</source>
        <translation>Client-Zertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Managed identity</source>
        <translation>Verwaltete Identität</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign in with:</source>
        <translation>&amp;Anmelden mit:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lient ID:</source>
        <translation>C&amp;lient-ID:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stored in the system keychain</source>
        <translation>Wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client s&amp;ecret:</source>
        <translation>Client-&amp;Geheimnis:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Ce&amp;rtificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Optional; stored in the system keychain</source>
        <translation>Optional; wird im Schlüsselbund des Systems gespeichert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate &amp;password:</source>
        <translation>Zertifikat&amp;passwort:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;All subscriptions the sign-in can see</source>
        <translation>A&amp;lle Subscriptions, die die Anmeldung sieht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Only these (one ID per line):</source>
        <translation>Nur &amp;diese (eine ID pro Zeile):</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Subscriptions:</source>
        <translation>Subscriptions:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Default: $KUBECONFIG, else ~/.kube/config</source>
        <translation>Standard: $KUBECONFIG, sonst ~/.kube/config</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose Kubeconfig</source>
        <translation>Kubeconfig wählen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kubeconfig:</source>
        <translation>&amp;Kubeconfig:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;ontext:</source>
        <translation>K&amp;ontext:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Rea&amp;d only: show the plan, never offer Approve &amp;&amp; Sync</source>
        <translation>Nur &amp;lesen: den Plan zeigen, nie Freigeben &amp;&amp; synchronisieren anbieten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hides every write action for this profile, like k9s&apos;s readOnly</source>
        <translation>Blendet für dieses Profil alle schreibenden Aktionen aus, wie readOnly bei k9s</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Namespace &amp;template:</source>
        <translation>Namespace-&amp;Template:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Resource name template:</source>
        <translation>&amp;Ressourcennamen-Template:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespaces separated by spaces</source>
        <translation>Namespaces, durch Leerzeichen getrennt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Ignored namespaces:</source>
        <translation>&amp;Ignorierte Namespaces:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A printf format with one %s; empty sets no label</source>
        <translation>Ein printf-Format mit einem %s; leer setzt kein Label</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Label format:</source>
        <translation>&amp;Label-Format:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Namespaced AzureIdentities (Behavior=namespaced)</source>
        <translation>&amp;Namespace-gebundene AzureIdentities (Behavior=namespaced)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re-point labelled AzureIdentity&amp;Bindings</source>
        <translation>Gelabelte AzureIdentity&amp;Bindings umhängen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Set an e&amp;xpiry date (for kube-janitor)</source>
        <translation>Ablaufdatum &amp;setzen (für kube-janitor)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Expiry &amp;annotation:</source>
        <translation>Ablauf-&amp;Annotation:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Go duration, e.g. 2190h</source>
        <translation>Eine Go-Dauer, z. B. 2190h</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry &amp;duration:</source>
        <translation>Ablauf&amp;dauer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A Go time layout, e.g. 2006-01-02</source>
        <translation>Ein Go-Zeitlayout, z. B. 2006-01-02</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expiry time &amp;format:</source>
        <translation>Ablauf-&amp;Zeitformat:</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::ProfileOpener</name>
    <message>
        <location filename="../gui/session/profileopener.cpp" line="+40"/>
        <source>The secret could not be read from the keychain: %1</source>
        <translation>Das Geheimnis konnte nicht aus dem Schlüsselbund gelesen werden: %1</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::WorkloadReadJob</name>
    <message>
        <location filename="../gui/session/workloadreadjob.cpp" line="+62"/>
        <source>cannot discover the service account issuer from %1: %2; set the issuer in the profile&apos;s options (--workloadidentity.issuer)</source>
        <translation>der Service-Account-Aussteller kann nicht von %1 ermittelt werden: %2; den Aussteller in den Optionen des Profils setzen (--workloadidentity.issuer)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 names no https issuer (&quot;%2&quot;); set the issuer in the profile&apos;s options (--workloadidentity.issuer)</source>
        <translation>%1 nennt keinen https-Aussteller (&quot;%2&quot;); den Aussteller in den Optionen des Profils setzen (--workloadidentity.issuer)</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>listing pods failed: %1</source>
        <translation>das Auflisten der Pods schlug fehl: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>listing replicasets failed: %1</source>
        <translation>das Auflisten der ReplicaSets schlug fehl: %1</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::WorkloadTableModel</name>
    <message>
        <location filename="../gui/models/workloadtablemodel.cpp" line="+12"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ServiceAccount</source>
        <translation>ServiceAccount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ServiceAccount state</source>
        <translation>ServiceAccount-Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Federated credential</source>
        <translation>Föderierte Anmeldeinformation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credential state</source>
        <translation>Anmeldeinformations-Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSI</source>
        <translation>MSI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Credentials</source>
        <translation>Anmeldeinformationen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 of %2 (%3 after the sync)</source>
        <translation>%1 von %2 (%3 nach der Synchronisation)</translation>
    </message>
</context>
<context>
    <name>Amo::Gui::WriteAccessCheck</name>
    <message>
        <location filename="../gui/session/writeaccesscheck.cpp" line="+76"/>
        <source>the API server did not answer a SelfSubjectAccessReview: %1</source>
        <translation>der API-Server hat einen SelfSubjectAccessReview nicht beantwortet: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>you may not %1 %2 in namespace %3</source>
        <translation>Sie dürfen %2 im Namespace %3 nicht %1</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source> (and %n more)</source>
        <translation>
            <numerusform> (und %n weiterer)</numerusform>
            <numerusform> (und %n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Amo::Gui::YamlDiffView</name>
    <message>
        <location filename="../gui/views/yamldiffview.cpp" line="+46"/>
        <source>Desired (after the next sync)</source>
        <translation>Soll (nach dem nächsten Sync)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live (in the cluster now)</source>
        <translation>Ist (jetzt im Cluster)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The objects as the next sync would leave them; changed lines are highlighted</source>
        <translation>Die Objekte, wie der nächste Sync sie hinterlassen würde; geänderte Zeilen sind hervorgehoben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The objects as they are in the cluster now; lines the sync changes are highlighted</source>
        <translation>Die Objekte, wie sie jetzt im Cluster sind; Zeilen, die der Sync ändert, sind hervorgehoben</translation>
    </message>
</context>
<context>
    <name>Amo::Sync::Applier</name>
    <message>
        <location filename="../shared/sync/applier.cpp" line="+141"/>
        <source>cancelled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>not re-pointed: the AzureIdentity %1 it would point to is not written in this run, and it does not exist as ours yet</source>
        <translation>nicht umgehängt: die AzureIdentity %1, auf die es zeigen würde, wird in diesem Lauf nicht geschrieben und existiert noch nicht als unsere</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>not re-pointed: the AzureIdentity %1 could not be written, its namespace is missing or terminating</source>
        <translation>nicht umgehängt: die AzureIdentity %1 konnte nicht geschrieben werden, ihr Namespace fehlt oder wird gerade gelöscht</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not re-pointed: writing the AzureIdentity %1 was cancelled</source>
        <translation>nicht umgehängt: das Schreiben der AzureIdentity %1 wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not re-pointed: the AzureIdentity %1 was not written: %2</source>
        <translation>nicht umgehängt: die AzureIdentity %1 wurde nicht geschrieben: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>the patch carries no resourceVersion</source>
        <translation>der Patch enthält keine resourceVersion</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>no Azure client for federated credential writes</source>
        <translation>kein Azure-Client zum Schreiben föderierter Anmeldeinformationen</translation>
    </message>
    <message>
        <location line="+36"/>
        <location line="+30"/>
        <source>cancelled before a retry: %1</source>
        <translation>vor einem erneuten Versuch abgebrochen: %1</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>gave up after %1 attempts: %2</source>
        <translation>nach %1 Versuchen aufgegeben: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1; reading it again failed: %2</source>
        <translation>%1; erneutes Lesen fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Amo::Sync::ClusterListJob</name>
    <message>
        <location filename="../shared/sync/clusterlistjob.cpp" line="+59"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>listing %1 failed: %2</source>
        <translation>Auflisten von %1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>Amo::Sync::SnapshotJob</name>
    <message>
        <location filename="../shared/sync/snapshotjob.cpp" line="+39"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
</context>
<context>
    <name>Amo::Sync::WorkloadStateJob</name>
    <message>
        <location filename="../shared/sync/workloadstatejob.cpp" line="+42"/>
        <source>listing serviceaccounts failed: %1</source>
        <translation>das Auflisten der ServiceAccounts schlug fehl: %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>listing the federated credentials of %1 failed: %2</source>
        <translation>das Auflisten der föderierten Anmeldeinformationen von %1 schlug fehl: %2</translation>
    </message>
</context>
<context>
    <name>ApplySummary</name>
    <message>
        <location filename="../gui/session/applysummary.cpp" line="+43"/>
        <source>Apply the ticked items to the cluster %2?

Items: %1. To create: %3, to update: %4, to re-point: %5.</source>
        <translation>Die angehakten Einträge auf den Cluster %2 anwenden?

Einträge: %1. Anzulegen: %3, zu aktualisieren: %4, umzuhängen: %5.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>ServiceAccounts to create or update: %1; federated credentials to write: %2.</source>
        <translation>Anzulegende oder zu aktualisierende ServiceAccounts: %1; zu schreibende föderierte Anmeldeinformationen: %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Writes to the cluster: %1. Writes to Azure: %2.</source>
        <translation>Schreibvorgänge im Cluster: %1. Schreibvorgänge in Azure: %2.</translation>
    </message>
</context>
<context>
    <name>CredentialName</name>
    <message>
        <location filename="../shared/workload/credentialname.cpp" line="+26"/>
        <source>&quot;%1&quot; is not a valid federated identity credential name: Azure wants 3 to 120 letters, digits, &apos;-&apos; or &apos;_&apos;, beginning with a letter or digit</source>
        <translation>„%1“ ist kein gültiger Name für föderierte Anmeldeinformationen: Azure verlangt 3 bis 120 Buchstaben, Ziffern, „-“ oder „_“, beginnend mit einem Buchstaben oder einer Ziffer</translation>
    </message>
</context>
<context>
    <name>DashboardAnalyzer</name>
    <message>
        <location filename="../gui/session/dashboardanalyzer.cpp" line="+272"/>
        <source>binding sync is off; the operator would point it at %1</source>
        <translation>Binding-Sync ist aus; der Operator würde es auf %1 zeigen lassen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the AzureIdentity does not exist yet; the next sync creates it</source>
        <translation>die AzureIdentity existiert noch nicht; der nächste Sync legt sie an</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the AzureIdentity it points at does not exist</source>
        <translation>die AzureIdentity, auf die es zeigt, existiert nicht</translation>
    </message>
</context>
<context>
    <name>DemoHost</name>
    <message>
        <location filename="../gui/session/demohost.cpp" line="+56"/>
        <source>Cannot create a temporary folder for the demo: %1</source>
        <translation>Für die Demo kann kein temporärer Ordner angelegt werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo simulator did not start: %1</source>
        <translation>Der Demo-Simulator ist nicht gestartet: %1</translation>
    </message>
</context>
<context>
    <name>DetailsBuilder</name>
    <message>
        <location filename="../gui/session/detailsbuilder.cpp" line="+112"/>
        <source>Namespace template output: %1</source>
        <translation>Ausgabe des Namespace-Templates: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Namespace template error: %1</source>
        <translation>Fehler im Namespace-Template: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name template output: %1</source>
        <translation>Ausgabe des Namens-Templates: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name template error: %1</source>
        <translation>Fehler im Namens-Template: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>IdentityMapper</name>
    <message>
        <location filename="../shared/mapping/identitymapper.cpp" line="+57"/>
        <source>namespace template failed: %1</source>
        <translation>Namespace-Template fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>resource name template failed: %1</source>
        <translation>Ressourcennamen-Template fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>resource name template produced &quot;%1&quot;, which is not a valid Kubernetes object name (%2)</source>
        <translation>das Ressourcennamen-Template ergab „%1“, was kein gültiger Kubernetes-Objektname ist (%2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>; wrap the template&apos;s output in lower, e.g. {{ lower .Name }}</source>
        <translation>; umschließen Sie die Ausgabe des Templates mit lower, z. B. {{ lower .Name }}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>namespace &quot;%1&quot; is listed more than once</source>
        <translation>Namespace „%1“ ist mehrfach aufgeführt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>namespace &quot;%1&quot; is on the ignore list</source>
        <translation>Namespace „%1“ steht auf der Ignorierliste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&quot;%1&quot; is not a valid namespace name (%2)</source>
        <translation>„%1“ ist kein gültiger Namespace-Name (%2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the namespace template produced no namespace (output &quot;%1&quot;)</source>
        <translation>das Namespace-Template ergab keinen Namespace (Ausgabe „%1“)</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>lookup labels omitted because subscription &quot;%1&quot;, resource group &quot;%2&quot; or name &quot;%3&quot; is not a valid label value; binding sync cannot find this MSI</source>
        <translation>Such-Labels weggelassen, weil Subscription „%1“, Ressourcengruppe „%2“ oder Name „%3“ kein gültiger Label-Wert ist; der Binding-Sync kann diese MSI nicht finden</translation>
    </message>
</context>
<context>
    <name>IssuerDiscovery</name>
    <message>
        <location filename="../shared/sync/issuerdiscovery.cpp" line="+27"/>
        <source>set --workloadidentity.issuer (WORKLOADIDENTITY_ISSUER) to the cluster&apos;s service account issuer, e.g. the AKS OIDC issuer URL</source>
        <translation>--workloadidentity.issuer (WORKLOADIDENTITY_ISSUER) auf den Service-Account-Aussteller des Clusters setzen, z. B. die OIDC-Aussteller-URL von AKS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>cannot discover the service account issuer from %1: %2; %3</source>
        <translation>der Service-Account-Aussteller kann nicht von %1 ermittelt werden: %2; %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 names no https issuer (&quot;issuer&quot;: &quot;%2&quot;); Azure accepts only https issuers; %3</source>
        <translation>%1 nennt keinen https-Aussteller (&quot;issuer&quot;: &quot;%2&quot;); Azure akzeptiert nur https-Aussteller; %3</translation>
    </message>
</context>
<context>
    <name>MigrationReport</name>
    <message>
        <location filename="../gui/session/migrationreport.cpp" line="+34"/>
        <source>Namespace</source>
        <translation>Namespace</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Binding</source>
        <translation>Binding</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selector</source>
        <translation>Selektor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AzureIdentity</source>
        <translation>AzureIdentity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MSI</source>
        <translation>MSI</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner kind</source>
        <translation>Art des Besitzers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Besitzer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pods</source>
        <translation>Pods</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ServiceAccount now</source>
        <translation>ServiceAccount jetzt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ServiceAccount needed</source>
        <translation>Benötigter ServiceAccount</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label %1</source>
        <translation>Label %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To do</source>
        <translation>Zu tun</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+12"/>
        <source># Migration from aad-pod-identity to workload identity</source>
        <translation># Migration von aad-pod-identity zu Workload Identity</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each workload needs its pods to run as the ServiceAccount named below and to carry the label `%1: &quot;true&quot;`; the ServiceAccount and its federated credential are written by workload identity mode.</source>
        <translation>Jede Workload braucht Pods, die als der unten genannte ServiceAccount laufen und das Label `%1: &quot;true&quot;` tragen; den ServiceAccount und seine föderierte Anmeldeinformation schreibt der Workload-Identity-Modus.</translation>
    </message>
</context>
<context>
    <name>MigrationRowBuilder</name>
    <message>
        <location filename="../gui/session/migrationrowbuilder.cpp" line="+65"/>
        <source>the AzureIdentity %1 does not exist</source>
        <translation>die AzureIdentity %1 existiert nicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no listed MSI is behind the AzureIdentity %1 (%2)</source>
        <translation>hinter der AzureIdentity %1 steht keine gelistete MSI (%2)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the MSI %1 is not mapped into this namespace: workload identity mode makes no ServiceAccount for it here</source>
        <translation>die MSI %1 wird nicht in diesen Namespace abgebildet: der Workload-Identity-Modus legt hier keinen ServiceAccount für sie an</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no pod carries %1=%2</source>
        <translation>kein Pod trägt %1=%2</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>run as the ServiceAccount %1</source>
        <translation>als ServiceAccount %1 laufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>add the pod label %1: &quot;true&quot;</source>
        <translation>das Pod-Label %1: &quot;true&quot; hinzufügen</translation>
    </message>
</context>
<context>
    <name>NamespaceGuard</name>
    <message>
        <location filename="../shared/sync/namespaceguard.cpp" line="+54"/>
        <source>namespace &quot;%1&quot; does not match --kubernetes.namespace.selector &quot;%2&quot;</source>
        <translation>Namespace „%1“ passt nicht zu --kubernetes.namespace.selector „%2“</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the MSI&apos;s ID cannot be read: %1</source>
        <translation>die ID der MSI kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>namespace &quot;%1&quot;: annotation %2 has an entry &quot;%3&quot; that is neither &lt;subscription-id&gt; nor &lt;subscription-id&gt;/&lt;resource-group&gt;; it admits no MSI until that is fixed</source>
        <translation>Namespace „%1“: Annotation %2 hat einen Eintrag „%3“, der weder &lt;subscription-id&gt; noch &lt;subscription-id&gt;/&lt;resource-group&gt; ist; bis das behoben ist, lässt er keine MSI zu</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>namespace &quot;%1&quot; accepts only MSIs of &quot;%2&quot; (annotation %3); this one is in subscription %4, resource group %5</source>
        <translation>Namespace „%1“ nimmt nur MSIs aus „%2“ an (Annotation %3); diese liegt in Subscription %4, Ressourcengruppe %5</translation>
    </message>
</context>
<context>
    <name>PlanBuilder</name>
    <message>
        <location filename="../shared/sync/planbuilder.cpp" line="+79"/>
        <source>namespace &quot;%1&quot; is terminating</source>
        <translation>Namespace &quot;%1&quot; wird beendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>namespace &quot;%1&quot; does not exist</source>
        <translation>Namespace &quot;%1&quot; existiert nicht</translation>
    </message>
</context>
<context>
    <name>PlanExport</name>
    <message>
        <location filename="../gui/views/planexport.cpp" line="+36"/>
        <source>Export plan as JSON</source>
        <translation>Plan als JSON exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Export plan as YAML</source>
        <translation>Plan als YAML exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON files (*.json)</source>
        <translation>JSON-Dateien (*.json)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>YAML files (*.yaml *.yml)</source>
        <translation>YAML-Dateien (*.yaml *.yml)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The plan could not be written to %1: %2</source>
        <translation>Der Plan konnte nicht nach %1 geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>PlanText</name>
    <message>
        <location filename="../shared/sync/plantext.cpp" line="+71"/>
        <source>once the identity is written</source>
        <translation>sobald die Identität geschrieben ist</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>expires %1</source>
        <translation>läuft ab: %1</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Plan: %1 to create, %2 to update, %3 to re-point. Not written: %4 waiting for a namespace, %5 in conflict, %6 orphaned, %7 skipped.</source>
        <translation>Plan: %1 anzulegen, %2 zu aktualisieren, %3 umzuhängen. Nicht geschrieben: %4 auf einen Namespace wartend, %5 im Konflikt, %6 verwaist, %7 übersprungen.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Workload identity: %1 ServiceAccounts to create, %2 to update; %3 federated credentials to write in Azure; %4 blocked.</source>
        <translation>Workload Identity: %1 ServiceAccounts anzulegen, %2 zu aktualisieren; %3 föderierte Anmeldeinformationen in Azure zu schreiben; %4 blockiert.</translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message numerus="yes">
        <location filename="../shared/sync/planner.cpp" line="+111"/>
        <source>%n MSIs map to this AzureIdentity (%1); none of them is written</source>
        <translation>
            <numerusform>%n MSI wird auf diese AzureIdentity abgebildet (%1); sie wird nicht geschrieben</numerusform>
            <numerusform>%n MSIs werden auf diese AzureIdentity abgebildet (%1); keine davon wird geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+26"/>
        <source>namespace &quot;%1&quot; is terminating</source>
        <translation>Namespace „%1“ wird gerade gelöscht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>namespace &quot;%1&quot; does not exist</source>
        <translation>Namespace „%1“ existiert nicht</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>an AzureIdentity of this name exists without spec.resourceID; it is not overwritten</source>
        <translation>eine AzureIdentity dieses Namens existiert ohne spec.resourceID; sie wird nicht überschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an AzureIdentity of this name exists for another identity (%1); it is not overwritten</source>
        <translation>eine AzureIdentity dieses Namens existiert für eine andere Identität (%1); sie wird nicht überschrieben</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>spec.resourceID was changed by hand to %1; restoring %2</source>
        <translation>spec.resourceID wurde von Hand auf %1 geändert; %2 wird wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>not re-pointed to %1: %2</source>
        <translation>nicht auf %1 umgehängt: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>spec.azureIdentity names %1, which exists only in namespace %2 and is namespaced: the binding matches no identity</source>
        <translation>spec.azureIdentity nennt %1, das nur im Namespace %2 existiert und Namespace-gebunden ist: das Binding passt zu keiner Identität</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>spec.azureIdentity names %1 of namespace %2: aad-pod-identity gives that identity to pods of this namespace unless it is namespaced (--azureidentity.namespaced)</source>
        <translation>spec.azureIdentity nennt %1 aus dem Namespace %2: aad-pod-identity gibt diese Identität an Pods dieses Namespace, sofern sie nicht Namespace-gebunden ist (--azureidentity.namespaced)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>no MSI maps to this AzureIdentity any more</source>
        <translation>keine MSI wird mehr auf diese AzureIdentity abgebildet</translation>
    </message>
</context>
<context>
    <name>RowStateText</name>
    <message>
        <location filename="../gui/session/rowstatetext.cpp" line="+10"/>
        <source>in sync</source>
        <translation>synchron</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>will create</source>
        <translation>wird angelegt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>will update</source>
        <translation>wird aktualisiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>will re-point</source>
        <translation>wird umgehängt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>waiting for namespace</source>
        <translation>wartet auf Namespace</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipped</source>
        <translation>übersprungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>conflict</source>
        <translation>Konflikt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>orphan</source>
        <translation>verwaist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ignored</source>
        <translation>ignoriert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>drifted</source>
        <translation>abgewichen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expired</source>
        <translation>abgelaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expires soon</source>
        <translation>läuft bald ab</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fine</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>needs changes</source>
        <translation>braucht Änderungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
</context>
<context>
    <name>StalenessCheck</name>
    <message>
        <location filename="../gui/session/stalenesscheck.cpp" line="+44"/>
        <source>The fresh read failed: %1</source>
        <translation>Das erneute Lesen ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The list of managed identities in Azure changed.</source>
        <translation>Die Liste der verwalteten Identitäten in Azure hat sich geändert.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>AzureIdentity %1/%2 was created by someone else.</source>
        <translation>AzureIdentity %1/%2 wurde von jemand anderem angelegt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>AzureIdentity %1/%2 changed.</source>
        <translation>AzureIdentity %1/%2 hat sich geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>AzureIdentityBinding %1/%2 changed.</source>
        <translation>AzureIdentityBinding %1/%2 hat sich geändert.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>ServiceAccount %1/%2 was created by someone else.</source>
        <translation>ServiceAccount %1/%2 wurde von jemand anderem angelegt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ServiceAccount %1/%2 changed.</source>
        <translation>ServiceAccount %1/%2 hat sich geändert.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Federated credential %1 of %2 changed, or could not be read again.</source>
        <translation>Die föderierte Anmeldeinformation %1 von %2 hat sich geändert oder konnte nicht erneut gelesen werden.</translation>
    </message>
</context>
<context>
    <name>WorkloadMapper</name>
    <message>
        <location filename="../shared/workload/workloadmapper.cpp" line="+59"/>
        <source>ServiceAccount name template failed: %1</source>
        <translation>Vorlage für den ServiceAccount-Namen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>ServiceAccount name template produced &quot;%1&quot;, which is not a valid Kubernetes object name (%2)</source>
        <translation>Die Vorlage für den ServiceAccount-Namen ergab „%1“, keinen gültigen Kubernetes-Objektnamen (%2)</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>credential name template failed: %1</source>
        <translation>Vorlage für den Namen der Anmeldeinformation fehlgeschlagen: %1</translation>
    </message>
</context>
<context>
    <name>WorkloadPlanner</name>
    <message>
        <location filename="../shared/workload/workloadplanner.cpp" line="+73"/>
        <source>%1 identities map to this ServiceAccount; it can name only one, so none is written</source>
        <translation>%1 Identitäten zeigen auf diesen ServiceAccount; er kann nur eine nennen, daher wird keine geschrieben</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>no MSI maps to this ServiceAccount any more (it names client %1); it is kept</source>
        <translation>keine MSI zeigt mehr auf diesen ServiceAccount (er nennt Client %1); er bleibt erhalten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>the ServiceAccount already names another identity (%1 %2); it is not overwritten</source>
        <translation>der ServiceAccount nennt bereits eine andere Identität (%1 %2); er wird nicht überschrieben</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>the ServiceAccount exists without %1; it is annotated for this identity</source>
        <translation>der ServiceAccount existiert ohne %1; er wird für diese Identität annotiert</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>the identity&apos;s federated credentials could not be listed; none is written</source>
        <translation>die föderierten Anmeldeinformationen der Identität ließen sich nicht auflisten; keine wird geschrieben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>not federated: the ServiceAccount %1 is not ours, so the identity is not granted to it</source>
        <translation>nicht föderiert: der ServiceAccount %1 gehört nicht uns, daher erhält er die Identität nicht</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>the credential name is also wanted for %1; set a --workloadidentity.template.credentialname that tells them apart</source>
        <translation>der Name der Anmeldeinformation wird auch für %1 gebraucht; setzen Sie ein --workloadidentity.template.credentialname, das beide unterscheidet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>issuer, subject or audiences differ (now %1 for %2)</source>
        <translation>Issuer, Subject oder Audiences weichen ab (jetzt %1 für %2)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the identity already has %1 of the %2 federated credentials Azure allows; this one is not written</source>
        <translation>die Identität hat bereits %1 der %2 föderierten Anmeldeinformationen, die Azure erlaubt; diese wird nicht geschrieben</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>federated with %1 of this cluster, which no MSI maps to any more; it is kept</source>
        <translation>föderiert mit %1 dieses Clusters, auf das keine MSI mehr zeigt; sie bleibt erhalten</translation>
    </message>
</context>
<context>
    <name>WorkloadRowBuilder</name>
    <message>
        <location filename="../gui/session/workloadrowbuilder.cpp" line="+119"/>
        <source>the identity&apos;s credentials were not listed</source>
        <translation>die Anmeldeinformationen der Identität wurden nicht gelistet</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../gui/app/main.cpp" line="+30"/>
        <source>Azure MSI Dashboard</source>
        <translation>Azure-MSI-Dashboard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shows Azure managed identities and their AzureIdentity objects.</source>
        <translation>Zeigt verwaltete Azure-Identitäten und ihre AzureIdentity-Objekte.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open the Demo profile (embedded simulator).</source>
        <translation>Das Demoprofil öffnen (eingebetteter Simulator).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Render the window to FILE once loaded, then quit.</source>
        <translation>Das Fenster nach dem Laden in DATEI rendern und dann beenden.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hide every write action, whatever the profile says.</source>
        <translation>Alle schreibenden Aktionen ausblenden, was auch immer das Profil sagt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Turn on workload identity mode (ServiceAccounts, federated credentials).</source>
        <translation>Den Workload-Identity-Modus einschalten (ServiceAccounts, föderierte Anmeldeinformationen).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The view the screenshot shows: msis, workload or migration.</source>
        <translation>Die Ansicht, die das Bildschirmfoto zeigt: msis, workload oder migration.</translation>
    </message>
</context>
</TS>
