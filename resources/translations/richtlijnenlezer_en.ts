<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="nl">
<context>
    <name>Accessibility</name>
    <message>
        <source>Veld leegmaken</source>
        <translation>Clear field</translation>
    </message>
    <message>
        <source>Menubalk</source>
        <translation>Menu bar</translation>
    </message>
</context>
<context>
    <name>AddDialog</name>
    <message>
        <source>Dit pakket is niet ondertekend: niemand staat ervoor in dat het komt van wie u denkt.</source>
        <translation>This pack is not signed: nobody vouches that it comes from whom you think.</translation>
    </message>
    <message>
        <source>Dit pakket is ondertekend met een sleutel die deze computer niet kent (vingerafdruk %1).</source>
        <translation>This pack is signed with a key this computer does not know (fingerprint %1).</translation>
    </message>
    <message>
        <source>Het bevat %1, editie %2 (%3 pagina&apos;s).</source>
        <translation>It holds %1, edition %2 (%3 pages).</translation>
    </message>
    <message>
        <source>Richtlijnen toevoegen</source>
        <translation>Add guidelines</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Meldingen (bestand:regel):</source>
        <translation>Problems (file:line):</translation>
    </message>
    <message>
        <source>Meldingen</source>
        <translation>Problems</translation>
    </message>
    <message>
        <source>Meldingen &amp;kopiëren</source>
        <translation>&amp;Copy problems</translation>
    </message>
    <message>
        <source>Toch &amp;toevoegen</source>
        <translation>&amp;Add anyway</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Sluiten</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Pakket controleren…</source>
        <translation>Checking the pack…</translation>
    </message>
    <message>
        <source>Wilt u het toch toevoegen?</source>
        <translation>Do you want to add it anyway?</translation>
    </message>
    <message>
        <source>Het pakket is geweigerd: %1 Er is niets toegevoegd.</source>
        <translation>The pack was refused: %1 Nothing was added.</translation>
    </message>
    <message>
        <source>Voorbereiden…</source>
        <translation>Preparing…</translation>
    </message>
    <message>
        <source>Richtlijnen toevoegen: %1</source>
        <translation>Add guidelines: %1</translation>
    </message>
    <message>
        <source>Pagina&apos;s geschreven: %1 van %2</source>
        <translation>Pages written: %1 of %2</translation>
    </message>
    <message>
        <source>Pagina&apos;s gelezen: %1 van %2</source>
        <translation>Pages read: %1 of %2</translation>
    </message>
    <message>
        <source>Toevoegen geannuleerd; er is niets veranderd.</source>
        <translation>Adding cancelled; nothing changed.</translation>
    </message>
    <message>
        <source>Annuleren…</source>
        <translation>Cancelling…</translation>
    </message>
    <message>
        <source>Het installatieproces kon niet worden gestart.</source>
        <translation>The install process could not be started.</translation>
    </message>
    <message>
        <source>%1 (editie %2) stond al in de bibliotheek.</source>
        <translation>%1 (edition %2) was already in the library.</translation>
    </message>
    <message>
        <source>%1 (editie %2) is toegevoegd.</source>
        <translation>%1 (edition %2) has been added.</translation>
    </message>
    <message>
        <source>Het installatieproces is onverwacht gestopt.</source>
        <translation>The install process stopped unexpectedly.</translation>
    </message>
    <message>
        <source>Het installatieproces gaf geen antwoord (code %1).</source>
        <translation>The install process gave no answer (code %1).</translation>
    </message>
    <message>
        <source>Toevoegen mislukt: %1 Er is niets toegevoegd.</source>
        <translation>Adding failed: %1 Nothing was added.</translation>
    </message>
    <message>
        <source>Wat wilt u toevoegen?</source>
        <translation>What do you want to add?</translation>
    </message>
    <message>
        <source>Een map met een MkDocs-project (met mkdocs.yml) wordt eerst gebouwd; een pakket (.rlpack) wordt eerst gecontroleerd.</source>
        <translation>A folder with an MkDocs project (with mkdocs.yml) is built first; a pack (.rlpack) is checked first.</translation>
    </message>
    <message>
        <source>&amp;Map kiezen…</source>
        <translation>Choose a &amp;folder…</translation>
    </message>
    <message>
        <source>&amp;Pakket kiezen…</source>
        <translation>Choose a &amp;pack…</translation>
    </message>
    <message>
        <source>MkDocs-map kiezen</source>
        <translation>Choose an MkDocs folder</translation>
    </message>
    <message>
        <source>Richtlijnenpakketten (%1)</source>
        <translation>Guideline packs (%1)</translation>
    </message>
    <message>
        <source>Alle bestanden (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Pakket kiezen</source>
        <translation>Choose a pack</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
</context>
<context>
    <name>AttachmentController</name>
    <message>
        <source>Deze bijlage zit niet in de editie.</source>
        <translation>This attachment is not in the edition.</translation>
    </message>
    <message>
        <source>Opgeslagen: %1</source>
        <translation>Saved: %1</translation>
    </message>
</context>
<context>
    <name>AttachmentDialog</name>
    <message>
        <source>Bijlage</source>
        <translation>Attachment</translation>
    </message>
    <message>
        <source>Grootte: %1</source>
        <translation>Size: %1</translation>
    </message>
    <message>
        <source>Openen met standaardprogramma</source>
        <translation>Open with default application</translation>
    </message>
    <message>
        <source>Opslaan als…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Bijlage %1</source>
        <translation>Attachment %1</translation>
    </message>
    <message>
        <source>De bijlage kan niet worden klaargezet om te openen (%1).</source>
        <translation>The attachment could not be prepared for opening (%1).</translation>
    </message>
    <message>
        <source>Er is geen programma gevonden dat dit bestand kan openen. Kies ‘Opslaan als…’ en open het bestand daarna zelf.</source>
        <translation>No application was found that can open this file. Choose ‘Save as…’ and open the file yourself.</translation>
    </message>
    <message>
        <source>Bestanden van dit type (*%1)</source>
        <translation>Files of this type (*%1)</translation>
    </message>
    <message>
        <source>Alle bestanden (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>Bijlage opslaan</source>
        <translation>Save attachment</translation>
    </message>
    <message>
        <source>Opslaan is mislukt: %1</source>
        <translation>Saving failed: %1</translation>
    </message>
</context>
<context>
    <name>BookmarksPanel</name>
    <message>
        <source>Filter bladwijzers</source>
        <translation>Filter bookmarks</translation>
    </message>
    <message>
        <source>Nieuwe map</source>
        <translation>New folder</translation>
    </message>
    <message>
        <source>Bladwijzers</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Ongedaan maken</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Melding sluiten</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source>Opnieuw</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Bladwijzers kunnen niet worden opgeslagen: %1</source>
        <translation>Bookmarks cannot be saved: %1</translation>
    </message>
    <message>
        <source>niet in deze editie</source>
        <translation>not in this edition</translation>
    </message>
    <message>
        <source>gewijzigd sinds je bladwijzer</source>
        <translation>changed since you bookmarked it</translation>
    </message>
    <message>
        <source>Map %1, %2 bladwijzers</source>
        <translation>Folder %1, %2 bookmarks</translation>
    </message>
    <message>
        <source>Nog geen bladwijzers. Gebruik Ctrl+D of de ster om deze pagina of een kop te bewaren.</source>
        <translation>No bookmarks yet. Use Ctrl+D or the star to keep this page or a heading.</translation>
    </message>
    <message>
        <source>Geen bladwijzers gevonden met ‘%1’.</source>
        <translation>No bookmarks found with ‘%1’.</translation>
    </message>
    <message>
        <source>Notitie: %1</source>
        <translation>Note: %1</translation>
    </message>
    <message>
        <source>Bladwijzers exporteren…</source>
        <translation>Export bookmarks…</translation>
    </message>
    <message>
        <source>Bladwijzers importeren…</source>
        <translation>Import bookmarks…</translation>
    </message>
    <message>
        <source>Exporteren en importeren</source>
        <translation>Export and import</translation>
    </message>
    <message>
        <source>Je gebruikersgegevens waren beschadigd. Het oude bestand is bewaard als %1; de lezer is met een nieuwe lijst begonnen.</source>
        <translation>Your user data was damaged. The old file was kept as %1; the reader started a new list.</translation>
    </message>
    <message>
        <source>kop niet meer in deze editie</source>
        <translation>heading no longer in this edition</translation>
    </message>
    <message>
        <source>Bewaard op %1</source>
        <translation>Saved on %1</translation>
    </message>
    <message>
        <source>Niet opgeslagen: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Bladwijzer toevoegen</source>
        <translation>Add bookmark</translation>
    </message>
    <message>
        <source>Naam wijzigen</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Notitie bewerken</source>
        <translation>Edit note</translation>
    </message>
    <message>
        <source>Wijziging gezien</source>
        <translation>Change seen</translation>
    </message>
    <message>
        <source>Verplaatsen naar map</source>
        <translation>Move to folder</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Bladwijzer ‘%1’ verwijderd.</source>
        <translation>Bookmark ‘%1’ deleted.</translation>
    </message>
    <message>
        <source>%1 bladwijzers verwijderd.</source>
        <translation>%1 bookmarks deleted.</translation>
    </message>
    <message>
        <source>Map hernoemen</source>
        <translation>Rename folder</translation>
    </message>
    <message>
        <source>Map verwijderen</source>
        <translation>Delete folder</translation>
    </message>
    <message>
        <source>Naam van de bladwijzer:</source>
        <translation>Name of the bookmark:</translation>
    </message>
    <message>
        <source>Notitie bij ‘%1’:</source>
        <translation>Note for ‘%1’:</translation>
    </message>
    <message>
        <source>Naam van de map:</source>
        <translation>Name of the folder:</translation>
    </message>
    <message>
        <source>Nieuwe naam van de map:</source>
        <translation>New name of the folder:</translation>
    </message>
    <message>
        <source>Nieuwe map…</source>
        <translation>New folder…</translation>
    </message>
    <message>
        <source>Map hernoemen…</source>
        <translation>Rename folder…</translation>
    </message>
    <message>
        <source>Map verwijderen (bladwijzers blijven)</source>
        <translation>Delete folder (bookmarks stay)</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Naam wijzigen…</source>
        <translation>Rename…</translation>
    </message>
    <message>
        <source>Notitie bewerken…</source>
        <translation>Edit note…</translation>
    </message>
    <message>
        <source>Markeren als gezien (wijziging gelezen)</source>
        <translation>Mark as seen (change read)</translation>
    </message>
    <message>
        <source>(geen map)</source>
        <translation>(no folder)</translation>
    </message>
    <message>
        <source>Exporteren mislukt: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>%1 bladwijzers geëxporteerd naar %2</source>
        <translation>%1 bookmarks exported to %2</translation>
    </message>
    <message>
        <source>Importeren mislukt: %1</source>
        <translation>Import failed: %1</translation>
    </message>
    <message>
        <source>%1 bladwijzers geïmporteerd, %2 waren er al.</source>
        <translation>%1 bookmarks imported, %2 were already there.</translation>
    </message>
    <message>
        <source>%1 links die geen pagina van de lezer zijn, zijn overgeslagen.</source>
        <translation>%1 links that are not pages of the reader were skipped.</translation>
    </message>
    <message>
        <source>Richtlijnenlezer-bladwijzers (*.json)</source>
        <translation>Guideline Reader bookmarks (*.json)</translation>
    </message>
    <message>
        <source>Bladwijzers voor browsers (*.html)</source>
        <translation>Bookmarks for browsers (*.html)</translation>
    </message>
    <message>
        <source>Bladwijzers exporteren</source>
        <translation>Export bookmarks</translation>
    </message>
    <message>
        <source>Bladwijzers importeren</source>
        <translation>Import bookmarks</translation>
    </message>
    <message>
        <source>Bladwijzers (*.json *.html *.htm);;Alle bestanden (*)</source>
        <translation>Bookmarks (*.json *.html *.htm);;All files (*)</translation>
    </message>
    <message>
        <source>Bladwijzers van andere richtlijnen</source>
        <translation>Bookmarks of other guidelines</translation>
    </message>
    <message>
        <source>Deze bladwijzers komen uit de richtlijnen %1, niet uit %2. Dezelfde pagina-id kan hier een andere pagina zijn. Toch importeren?</source>
        <translation>These bookmarks come from the guidelines %1, not from %2. The same page id may be another page here. Import them anyway?</translation>
    </message>
</context>
<context>
    <name>Breadcrumb</name>
    <message>
        <source>Kruimelpad</source>
        <translation>Breadcrumb</translation>
    </message>
</context>
<context>
    <name>ChangeBanner</name>
    <message>
        <source>Gewijzigd sinds editie %1</source>
        <translation>Changed since edition %1</translation>
    </message>
    <message>
        <source>Bekijk wijzigingen</source>
        <translation>View changes</translation>
    </message>
    <message>
        <source>Wijzigingen op deze pagina</source>
        <translation>Changes on this page</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>Wat is er veranderd</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Editie %1</source>
        <translation>Edition %1</translation>
    </message>
    <message>
        <source>Vergelijk twee geïnstalleerde edities van deze richtlijnen.</source>
        <translation>Compare two installed editions of these guidelines.</translation>
    </message>
    <message>
        <source>&amp;Oude editie:</source>
        <translation>&amp;Old edition:</translation>
    </message>
    <message>
        <source>&amp;Nieuwe editie:</source>
        <translation>&amp;New edition:</translation>
    </message>
    <message>
        <source>&amp;Vergelijken</source>
        <translation>&amp;Compare</translation>
    </message>
</context>
<context>
    <name>ChangesPage</name>
    <message>
        <source>Wijzigingen worden bepaald…</source>
        <translation>Working out the changes…</translation>
    </message>
    <message>
        <source>ingevoegd:</source>
        <translation>inserted:</translation>
    </message>
    <message>
        <source>einde ingevoegd</source>
        <translation>end inserted</translation>
    </message>
    <message>
        <source>verwijderd:</source>
        <translation>deleted:</translation>
    </message>
    <message>
        <source>einde verwijderd</source>
        <translation>end deleted</translation>
    </message>
    <message>
        <source>Inleiding</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>nieuw</source>
        <translation>new</translation>
    </message>
    <message>
        <source>verwijderd</source>
        <translation>removed</translation>
    </message>
    <message>
        <source>gewijzigd</source>
        <translation>changed</translation>
    </message>
    <message>
        <source>eerder:</source>
        <translation>before:</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Samenvatting</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Relaties</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>Plaats in de inhoud</source>
        <translation>Place in the contents</translation>
    </message>
    <message>
        <source>Verplaatst van</source>
        <translation>Moved from</translation>
    </message>
    <message>
        <source>Wat is er veranderd</source>
        <translation>What changed</translation>
    </message>
    <message>
        <source>Van editie %1 naar editie %2 van %3.</source>
        <translation>From edition %1 to edition %2 of %3.</translation>
    </message>
    <message>
        <source>%1 nieuw, %2 verwijderd, %3 verplaatst, %4 gewijzigd.</source>
        <translation>%1 new, %2 removed, %3 moved, %4 changed.</translation>
    </message>
    <message>
        <source>Tussen deze twee edities is niets veranderd.</source>
        <translation>Nothing changed between these two editions.</translation>
    </message>
    <message>
        <source>Uw bladwijzers en checklistitems bij wijzigingen</source>
        <translation>Your bookmarks and checklist items at changes</translation>
    </message>
    <message>
        <source>Bladwijzer</source>
        <translation>Bookmark</translation>
    </message>
    <message>
        <source>Checklistitem</source>
        <translation>Checklist item</translation>
    </message>
    <message>
        <source>pagina verwijderd</source>
        <translation>page removed</translation>
    </message>
    <message>
        <source>Nieuwe pagina&apos;s</source>
        <translation>New pages</translation>
    </message>
    <message>
        <source>Verwijderde pagina&apos;s</source>
        <translation>Removed pages</translation>
    </message>
    <message>
        <source>Verplaatste pagina&apos;s</source>
        <translation>Moved pages</translation>
    </message>
    <message>
        <source>Gewijzigde pagina&apos;s</source>
        <translation>Changed pages</translation>
    </message>
    <message>
        <source>van %1 naar %2</source>
        <translation>from %1 to %2</translation>
    </message>
    <message>
        <source>De wijzigingen konden niet worden bepaald: %1</source>
        <translation>The changes could not be worked out: %1</translation>
    </message>
    <message>
        <source>Van deze richtlijnen is maar één editie geïnstalleerd; er is niets om te vergelijken.</source>
        <translation>Only one edition of these guidelines is installed; there is nothing to compare.</translation>
    </message>
    <message>
        <source>Kies twee verschillende edities.</source>
        <translation>Choose two different editions.</translation>
    </message>
    <message>
        <source>Er is geen eerder gelezen editie van deze richtlijnen geïnstalleerd.</source>
        <translation>No edition of these guidelines that you read before is installed.</translation>
    </message>
</context>
<context>
    <name>ChecklistController</name>
    <message>
        <source>Deze checklist kan niet worden bewaard.</source>
        <translation>This checklist cannot be saved.</translation>
    </message>
    <message>
        <source>%1 van %2 gedaan</source>
        <translation>%1 of %2 done</translation>
    </message>
    <message>
        <source>(wordt niet bewaard: %1)</source>
        <translation>(not saved: %1)</translation>
    </message>
    <message>
        <source>Onbekend checklistitem.</source>
        <translation>Unknown checklist item.</translation>
    </message>
    <message>
        <source>Niet bewaard: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Niet bewaard (alleen lezen): %1</source>
        <translation>Not saved (read-only): %1</translation>
    </message>
    <message>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <source>CSV voor spreadsheets (*.csv)</source>
        <translation>CSV for spreadsheets (*.csv)</translation>
    </message>
    <message>
        <source>Checklist exporteren</source>
        <translation>Export checklist</translation>
    </message>
    <message>
        <source>Het bestand kan niet worden geschreven: %1</source>
        <translation>The file cannot be written: %1</translation>
    </message>
</context>
<context>
    <name>Cite</name>
    <message>
        <source>Bron</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>editie van %1</source>
        <translation>edition of %1</translation>
    </message>
    <message>
        <source>Citaat gekopieerd: %1</source>
        <translation>Citation copied: %1</translation>
    </message>
    <message>
        <source>Citeer deze passage</source>
        <translation>Cite this passage</translation>
    </message>
    <message>
        <source>Citeer deze sectie</source>
        <translation>Cite this section</translation>
    </message>
    <message>
        <source>Open op de website…</source>
        <translation>Open on the website…</translation>
    </message>
    <message>
        <source>Deze bron heeft geen openbare website</source>
        <translation>This source has no public website</translation>
    </message>
</context>
<context>
    <name>ContentsTree</name>
    <message>
        <source>Inhoud</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Overige pagina&apos;s</source>
        <translation>Other pages</translation>
    </message>
</context>
<context>
    <name>CoreMessage</name>
    <message>
        <source>Er ging iets mis (foutcode {code}).</source>
        <translation>Something went wrong (error code {code}).</translation>
    </message>
    <message>
        <source>Ongeldige pagina-id: {page_id}</source>
        <translation>Invalid page id: {page_id}</translation>
    </message>
    <message>
        <source>Ongeldig anker: {anchor}</source>
        <translation>Invalid anchor: {anchor}</translation>
    </message>
    <message>
        <source>Bladwijzer {id} bestaat niet (meer).</source>
        <translation>Bookmark {id} does not exist (any more).</translation>
    </message>
    <message>
        <source>De bladwijzer bestaat niet meer.</source>
        <translation>The bookmark no longer exists.</translation>
    </message>
    <message>
        <source>Een map heeft een naam nodig.</source>
        <translation>A folder needs a name.</translation>
    </message>
    <message>
        <source>Ongeldige sleutel voor een checklistitem.</source>
        <translation>Invalid key for a checklist item.</translation>
    </message>
    <message>
        <source>Er is geen corpus gekozen; bladwijzers, geschiedenis en checklists horen bij een corpus.</source>
        <translation>No corpus is chosen; bookmarks, history and checklists belong to a corpus.</translation>
    </message>
    <message>
        <source>Ongeldige corpus-id: {corpus_id}</source>
        <translation>Invalid corpus id: {corpus_id}</translation>
    </message>
    <message>
        <source>Deze bladwijzer hoort bij andere richtlijnen ({corpus}) en wordt hier niet teruggezet.</source>
        <translation>This bookmark belongs to other guidelines ({corpus}) and is not restored here.</translation>
    </message>
    <message>
        <source>Ongeldige aanduiding van een editie.</source>
        <translation>Invalid edition key.</translation>
    </message>
    <message>
        <source>De wijziging is niet opgeslagen: ongeldige tekens ({detail}).</source>
        <translation>The change was not saved: invalid characters ({detail}).</translation>
    </message>
    <message>
        <source>De gebruikersgegevens kunnen niet worden opgeslagen: {detail}</source>
        <translation>Your data cannot be saved: {detail}</translation>
    </message>
    <message>
        <source>De schijf is vol; de wijziging is niet opgeslagen.</source>
        <translation>The disk is full; the change was not saved.</translation>
    </message>
    <message>
        <source>De gebruikersgegevens zijn bezet door een ander programma; probeer het opnieuw.</source>
        <translation>Your data is in use by another program; try again.</translation>
    </message>
    <message>
        <source>De wijziging is niet opgeslagen: {detail}</source>
        <translation>The change was not saved: {detail}</translation>
    </message>
    <message>
        <source>De profielmap {path} kan niet worden beschreven ({detail}).</source>
        <translation>The profile folder {path} cannot be written to ({detail}).</translation>
    </message>
    <message>
        <source>Het bestand {path} is alleen-lezen.</source>
        <translation>The file {path} is read-only.</translation>
    </message>
    <message>
        <source>De gebruikersgegevens zijn gemaakt door een nieuwere versie van de lezer; deze versie wijzigt ze niet.</source>
        <translation>Your data was made by a newer version of the reader; this version does not change it.</translation>
    </message>
    <message>
        <source>De gebruikersgegevens in {path} zijn beschadigd en kunnen niet opzij worden gezet ({detail}).</source>
        <translation>Your data in {path} is damaged and cannot be moved aside ({detail}).</translation>
    </message>
    <message>
        <source>De gebruikersgegevens zijn bezet door een ander programma; er wordt nu niets opgeslagen.</source>
        <translation>Your data is in use by another program; nothing is saved for now.</translation>
    </message>
    <message>
        <source>De gebruikersgegevens in {path} kunnen niet worden geopend om te schrijven ({detail}).</source>
        <translation>Your data in {path} cannot be opened for writing ({detail}).</translation>
    </message>
    <message>
        <source>De gebruikersgegevens in {path} kunnen niet worden gelezen ({detail}).</source>
        <translation>Your data in {path} cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>Onbekend formaat {format}: kies json of html.</source>
        <translation>Unknown format {format}: choose json or html.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; moet tekst zijn.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; must be text.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; is langer dan {limit} tekens.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; is longer than {limit} characters.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; bevat stuurtekens.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; contains control characters.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; bevat ongeldige tekens.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; contains invalid characters.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; ontbreekt.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; is missing.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; is geen geldige tijd.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; is not a valid time.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand: &apos;{field}&apos; ligt buiten het bereik.</source>
        <translation>Item {item} of the file: &apos;{field}&apos; is out of range.</translation>
    </message>
    <message>
        <source>Onderdeel {item} van het bestand is geen object.</source>
        <translation>Item {item} of the file is not an object.</translation>
    </message>
    <message>
        <source>Dit is geen geldig JSON-bestand ({detail}).</source>
        <translation>This is not a valid JSON file ({detail}).</translation>
    </message>
    <message>
        <source>Dit is geen bladwijzerbestand van de Richtlijnenlezer.</source>
        <translation>This is not a Richtlijnenlezer bookmark file.</translation>
    </message>
    <message>
        <source>Het bladwijzerbestand heeft geen geldige versie.</source>
        <translation>The bookmark file has no valid version.</translation>
    </message>
    <message>
        <source>Het bladwijzerbestand noemt een ongeldige corpus-id.</source>
        <translation>The bookmark file names an invalid corpus id.</translation>
    </message>
    <message>
        <source>Deze bladwijzers horen bij de richtlijnen {file_corpus}, niet bij {corpus}: daar wijzen ze naar andere pagina&apos;s. Er is niets geïmporteerd.</source>
        <translation>These bookmarks belong to the guidelines {file_corpus}, not to {corpus}: there they point at other pages. Nothing was imported.</translation>
    </message>
    <message>
        <source>Het bladwijzerbestand heeft versie {version}; deze lezer kent versie {known}. Werk de lezer bij.</source>
        <translation>The bookmark file has version {version}; this reader knows version {known}. Update the reader.</translation>
    </message>
    <message>
        <source>&apos;bookmarks&apos; en &apos;folders&apos; moeten lijsten zijn.</source>
        <translation>&apos;bookmarks&apos; and &apos;folders&apos; must be lists.</translation>
    </message>
    <message>
        <source>Meer dan {limit} bladwijzers: dit bestand wordt niet ingelezen.</source>
        <translation>More than {limit} bookmarks: this file is not imported.</translation>
    </message>
    <message>
        <source>De mappen in dit bestand zijn te diep genest.</source>
        <translation>The folders in this file are nested too deeply.</translation>
    </message>
    <message>
        <source>Een tekst in dit bestand is onredelijk lang.</source>
        <translation>A text in this file is unreasonably long.</translation>
    </message>
    <message>
        <source>Dit is geen bladwijzerbestand (Netscape-HTML) zoals browsers dat exporteren.</source>
        <translation>This is not a bookmark file (Netscape HTML) as browsers export it.</translation>
    </message>
    <message>
        <source>Het HTML-bestand kan niet worden gelezen ({detail}).</source>
        <translation>The HTML file cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>Het bestand is te groot ({size_mb} MB; hoogstens {limit_mb} MB).</source>
        <translation>The file is too large ({size_mb} MB; at most {limit_mb} MB).</translation>
    </message>
    <message>
        <source>Het bestand is te groot.</source>
        <translation>The file is too large.</translation>
    </message>
    <message>
        <source>Kan {path} niet lezen: {detail}.</source>
        <translation>Cannot read {path}: {detail}.</translation>
    </message>
    <message>
        <source>{path} is geen gewoon bestand (maar bijvoorbeeld een pipe of apparaat); kies een bestand.</source>
        <translation>{path} is not a regular file (but, for instance, a pipe or a device); choose a file.</translation>
    </message>
    <message>
        <source>Het bestand is geen UTF-8-tekst.</source>
        <translation>The file is not UTF-8 text.</translation>
    </message>
    <message>
        <source>Het bestand bevat binaire gegevens.</source>
        <translation>The file contains binary data.</translation>
    </message>
    <message>
        <source>Onbekend bestandsformaat: verwacht JSON of Netscape-HTML.</source>
        <translation>Unknown file format: expected JSON or Netscape HTML.</translation>
    </message>
    <message>
        <source>Geen leesbare zoekindex in {path} ({detail}).</source>
        <translation>No readable search index in {path} ({detail}).</translation>
    </message>
    <message>
        <source>De zoekindex heeft formaat {found}, deze lezer leest formaat {expected}.</source>
        <translation>The search index has format {found}; this reader reads format {expected}.</translation>
    </message>
    <message>
        <source>De zoekindex in {path} is onvolledig.</source>
        <translation>The search index in {path} is incomplete.</translation>
    </message>
    <message>
        <source>De zoekindex in {path} is beschadigd ({detail}).</source>
        <translation>The search index in {path} is damaged ({detail}).</translation>
    </message>
    <message>
        <source>De zoekindex is beschadigd: termen en postings passen niet bij elkaar.</source>
        <translation>The search index is damaged: terms and postings do not match.</translation>
    </message>
    <message>
        <source>De zoekindex is beschadigd: veldlengtes passen niet bij de secties.</source>
        <translation>The search index is damaged: field lengths do not match the sections.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: dit is geen map.</source>
        <translation>{folder}: not a usable edition: this is not a folder.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: manifest.json ontbreekt.</source>
        <translation>{folder}: not a usable edition: manifest.json is missing.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: manifest.json kan niet worden gelezen ({detail}).</source>
        <translation>{folder}: not a usable edition: manifest.json cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: manifest.json is geen geldige JSON (regel {line}: {detail}).</source>
        <translation>{folder}: not a usable edition: manifest.json is not valid JSON (line {line}: {detail}).</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: manifest.json is geen JSON-object.</source>
        <translation>{folder}: not a usable edition: manifest.json is not a JSON object.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: manifest.json mist {keys}.</source>
        <translation>{folder}: not a usable edition: manifest.json lacks {keys}.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: in manifest.json heeft {key} het verkeerde type ({type}).</source>
        <translation>{folder}: not a usable edition: in manifest.json, {key} has the wrong type ({type}).</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: editieformaat {found}, deze lezer leest formaat {expected} (bouw haar opnieuw).</source>
        <translation>{folder}: not a usable edition: edition format {found}, this reader reads format {expected} (rebuild it).</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: zoekindexformaat {found}, deze lezer leest formaat {expected} (bouw haar opnieuw).</source>
        <translation>{folder}: not a usable edition: search index format {found}, this reader reads format {expected} (rebuild it).</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: built_at {value} in manifest.json is geen ISO 8601-tijd.</source>
        <translation>{folder}: not a usable edition: built_at {value} in manifest.json is not an ISO 8601 time.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: page_count in manifest.json is negatief.</source>
        <translation>{folder}: not a usable edition: page_count in manifest.json is negative.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: de map pages/ ontbreekt.</source>
        <translation>{folder}: not a usable edition: the pages/ folder is missing.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie: de map index/ (de zoekindex) ontbreekt.</source>
        <translation>{folder}: not a usable edition: the index/ folder (the search index) is missing.</translation>
    </message>
    <message>
        <source>{folder}: de gegevens van de editie zijn onleesbaar ({detail}); bouw haar opnieuw met &apos;richtlijnenlezer build&apos;.</source>
        <translation>{folder}: the edition&apos;s data is unreadable ({detail}); rebuild it with &apos;richtlijnenlezer build&apos;.</translation>
    </message>
    <message>
        <source>{folder}: geen bruikbare editie; bouw haar opnieuw met &apos;richtlijnenlezer build&apos;.</source>
        <translation>{folder}: no usable edition; rebuild it with &apos;richtlijnenlezer build&apos;.</translation>
    </message>
    <message>
        <source>De bron heeft {count} fout(en); de editie is niet gebouwd.</source>
        <translation>The source has {count} error(s); the edition was not built.</translation>
    </message>
    <message>
        <source>Het pakket {path} bestaat niet.</source>
        <translation>The pack {path} does not exist.</translation>
    </message>
    <message>
        <source>{path} kan niet worden gelezen ({detail}).</source>
        <translation>{path} cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>{path} is geen bestand; kies een pakket (.rlpack).</source>
        <translation>{path} is not a file; choose a pack (.rlpack).</translation>
    </message>
    <message>
        <source>{path} is geen editiepakket (geen zip-bestand).</source>
        <translation>{path} is not an edition pack (not a zip file).</translation>
    </message>
    <message>
        <source>Het pakket {path} is onvolledig (afgebroken bij kopiëren of downloaden?).</source>
        <translation>The pack {path} is incomplete (cut off while copying or downloading?).</translation>
    </message>
    <message>
        <source>Het pakket {path} is beschadigd ({detail}).</source>
        <translation>The pack {path} is damaged ({detail}).</translation>
    </message>
    <message>
        <source>Het pakket bevat {count} bestanden; meer dan {limit} wordt niet uitgepakt.</source>
        <translation>The pack holds {count} files; more than {limit} are not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket zou {size_mb} MB uitpakken; meer dan {limit_mb} MB wordt niet uitgepakt.</source>
        <translation>The pack would unpack {size_mb} MB; more than {limit_mb} MB is not unpacked.</translation>
    </message>
    <message>
        <source>{name} in het pakket is {size_mb} MB; meer dan {limit_mb} MB wordt niet uitgepakt.</source>
        <translation>{name} in the pack is {size_mb} MB; more than {limit_mb} MB is not unpacked.</translation>
    </message>
    <message>
        <source>{name} in het pakket is {ratio} keer zo groot als zijn gecomprimeerde vorm (hoogstens {limit}): een zip-bom?</source>
        <translation>{name} in the pack is {ratio} times the size of its compressed form (at most {limit}): a zip bomb?</translation>
    </message>
    <message>
        <source>{name} in het pakket is versleuteld; dat kan niet.</source>
        <translation>{name} in the pack is encrypted; that is not possible.</translation>
    </message>
    <message>
        <source>{name} in het pakket gebruikt een onbekende compressie (methode {method}).</source>
        <translation>{name} in the pack uses an unknown compression (method {method}).</translation>
    </message>
    <message>
        <source>{name} in het pakket is een symbolische koppeling; een pakket mag alleen bestanden bevatten.</source>
        <translation>{name} in the pack is a symbolic link; a pack may only hold files.</translation>
    </message>
    <message>
        <source>{name} in het pakket is een apparaat, pipe of socket; een pakket mag alleen bestanden bevatten.</source>
        <translation>{name} in the pack is a device, pipe or socket; a pack may only hold files.</translation>
    </message>
    <message>
        <source>Het pakket bevat een pad met een backslash ({name}); dat wordt niet uitgepakt.</source>
        <translation>The pack holds a path with a backslash ({name}); it is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat een absoluut pad ({name}); dat wordt niet uitgepakt.</source>
        <translation>The pack holds an absolute path ({name}); it is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat een pad met een stationsletter ({name}); dat wordt niet uitgepakt.</source>
        <translation>The pack holds a path with a drive letter ({name}); it is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat een pad dat buiten de editie wijst ({name}); dat wordt niet uitgepakt.</source>
        <translation>The pack holds a path that points outside the edition ({name}); it is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat een ongeldige bestandsnaam ({name}); dat wordt niet uitgepakt.</source>
        <translation>The pack holds an invalid file name ({name}); it is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat {name} en {other}: op Windows of macOS is dat hetzelfde bestand. Het wordt niet uitgepakt.</source>
        <translation>The pack holds {name} and {other}: on Windows or macOS that is the same file. It is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat {name} als bestand en als map (voor {other}); het wordt niet uitgepakt.</source>
        <translation>The pack holds {name} as a file and as a folder (for {other}); it is not unpacked.</translation>
    </message>
    <message>
        <source>Het pakket bevat {name}, dat niet in het manifest staat; het is geknoeid of beschadigd.</source>
        <translation>The pack holds {name}, which is not in the manifest; it has been tampered with or damaged.</translation>
    </message>
    <message>
        <source>{name} staat in het manifest maar ontbreekt in het pakket.</source>
        <translation>{name} is in the manifest but missing from the pack.</translation>
    </message>
    <message>
        <source>{name} in het pakket is niet {expected} bytes groot zoals opgegeven; het is geknoeid of beschadigd.</source>
        <translation>{name} in the pack is not {expected} bytes as declared; it has been tampered with or damaged.</translation>
    </message>
    <message>
        <source>{name} in het pakket is gewijzigd: de SHA-256 klopt niet met het manifest.</source>
        <translation>{name} in the pack has been changed: its SHA-256 does not match the manifest.</translation>
    </message>
    <message>
        <source>{path} heeft geen pakketmanifest (rlpack.json); het is geen editiepakket.</source>
        <translation>{path} has no pack manifest (rlpack.json); it is not an edition pack.</translation>
    </message>
    <message>
        <source>Het pakketmanifest (rlpack.json) is ongeldig ({detail}).</source>
        <translation>The pack manifest (rlpack.json) is invalid ({detail}).</translation>
    </message>
    <message>
        <source>Het pakket heeft formaatversie {found}; deze lezer leest versie {expected}. Werk de lezer bij.</source>
        <translation>The pack has format version {found}; this reader reads version {expected}. Update the reader.</translation>
    </message>
    <message>
        <source>De ondertekening in {path} is onleesbaar; het pakket wordt geweigerd.</source>
        <translation>The signature in {path} is unreadable; the pack is refused.</translation>
    </message>
    <message>
        <source>De ondertekening klopt niet (sleutel {signer}): het pakket is na ondertekening gewijzigd.</source>
        <translation>The signature does not match (key {signer}): the pack was changed after it was signed.</translation>
    </message>
    <message>
        <source>{path} is niet ondertekend; alleen pakketten van een vertrouwde sleutel worden aanvaard.</source>
        <translation>{path} is not signed; only packs from a trusted key are accepted.</translation>
    </message>
    <message>
        <source>Het pakket is ondertekend met een onbekende sleutel ({signer}); alleen vertrouwde sleutels worden aanvaard.</source>
        <translation>The pack is signed with an unknown key ({signer}); only trusted keys are accepted.</translation>
    </message>
    <message>
        <source>{path} is geen map om een pakket in uit te pakken.</source>
        <translation>{path} is not a folder to unpack a pack into.</translation>
    </message>
    <message>
        <source>De map {path} is niet leeg; een pakket wordt alleen in een lege map uitgepakt.</source>
        <translation>The folder {path} is not empty; a pack is only unpacked into an empty folder.</translation>
    </message>
    <message>
        <source>{path} kan niet worden geschreven ({detail}).</source>
        <translation>{path} cannot be written ({detail}).</translation>
    </message>
    <message>
        <source>{path} is een koppeling of speciaal bestand; een editie om te verpakken bevat alleen bestanden en mappen.</source>
        <translation>{path} is a link or special file; an edition to pack holds only files and folders.</translation>
    </message>
    <message>
        <source>{path}: deze bestandsnaam kan niet in een pakket (niet op elk systeem bruikbaar).</source>
        <translation>{path}: this file name cannot go into a pack (it is not usable on every system).</translation>
    </message>
    <message>
        <source>{path} is te groot voor een pakket (te veel of te grote bestanden).</source>
        <translation>{path} is too large for a pack (too many or too large files).</translation>
    </message>
    <message>
        <source>Het pakket {path} zou in de editie zelf komen; kies een plek buiten de editiemap.</source>
        <translation>The pack {path} would end up inside the edition itself; choose a place outside the edition folder.</translation>
    </message>
    <message>
        <source>De sleutel {path} kan niet worden gelezen ({detail}).</source>
        <translation>The key {path} cannot be read ({detail}).</translation>
    </message>
    <message>
        <source>{path} is geen bruikbare Ed25519-sleutel van de Richtlijnenlezer.</source>
        <translation>{path} is not a usable Ed25519 key of the Richtlijnenlezer.</translation>
    </message>
    <message>
        <source>{path} bestaat al; een bestaande sleutel wordt niet overschreven.</source>
        <translation>{path} already exists; an existing key is never overwritten.</translation>
    </message>
    <message>
        <source>De sleutel {path} kan niet worden geschreven ({detail}).</source>
        <translation>The key {path} cannot be written ({detail}).</translation>
    </message>
    <message>
        <source>{source} bestaat niet; geef de map van een MkDocs-project of van Markdown-bestanden.</source>
        <translation>{source} does not exist; give the folder of an MkDocs project or of Markdown files.</translation>
    </message>
    <message>
        <source>{source} kan niet worden gelezen ({detail}); controleer de rechten.</source>
        <translation>{source} cannot be read ({detail}); check its permissions.</translation>
    </message>
    <message>
        <source>{source} kan niet worden gelezen; controleer de rechten.</source>
        <translation>{source} cannot be read; check its permissions.</translation>
    </message>
    <message>
        <source>{source} is geen map; geef de map met mkdocs.yml of met de Markdown-bestanden.</source>
        <translation>{source} is not a folder; give the folder that holds mkdocs.yml or the Markdown files.</translation>
    </message>
    <message>
        <source>docs_dir &apos;{docs_dir}&apos; ligt buiten het project; zet de pagina&apos;s erbinnen.</source>
        <translation>docs_dir &apos;{docs_dir}&apos; lies outside the project; move the pages inside it.</translation>
    </message>
    <message>
        <source>De map &apos;{docs_dir}&apos; bestaat niet; maak haar aan of zet docs_dir in {file}.</source>
        <translation>The folder &apos;{docs_dir}&apos; does not exist; create it or set docs_dir in {file}.</translation>
    </message>
    <message>
        <source>INHERIT in mkdocs.yml gaat meer dan 5 configuraties diep; maak dat platter.</source>
        <translation>INHERIT in mkdocs.yml chains more than 5 configs deep; flatten them.</translation>
    </message>
    <message>
        <source>INHERIT in mkdocs.yml wijst naar &apos;{target}&apos;, buiten de bron; kopieer die configuratie erin.</source>
        <translation>INHERIT in mkdocs.yml points at &apos;{target}&apos;, outside the source; copy that config into the source.</translation>
    </message>
    <message>
        <source>INHERIT in mkdocs.yml wijst naar &apos;{target}&apos;, dat niet bestaat; verbeter het pad.</source>
        <translation>INHERIT in mkdocs.yml points at &apos;{target}&apos;, which does not exist; fix the path.</translation>
    </message>
    <message>
        <source>mkdocs.yml is groter dan 1 MB; controleer of het het goede bestand is.</source>
        <translation>mkdocs.yml is larger than 1 MB; check that it is the right file.</translation>
    </message>
    <message>
        <source>mkdocs.yml kan niet worden gelezen ({detail}); controleer de rechten.</source>
        <translation>mkdocs.yml cannot be read ({detail}); check its permissions.</translation>
    </message>
    <message>
        <source>mkdocs.yml is geen UTF-8-tekst; sla het op als UTF-8.</source>
        <translation>mkdocs.yml is not UTF-8 text; save it as UTF-8.</translation>
    </message>
    <message>
        <source>{file} is geen geldige YAML ({detail}); verbeter de syntaxis.</source>
        <translation>{file} is not valid YAML ({detail}); fix the syntax.</translation>
    </message>
    <message>
        <source>mkdocs.yml is te diep genest om te lezen; vereenvoudig het.</source>
        <translation>mkdocs.yml nests too deeply to be read; simplify it.</translation>
    </message>
    <message>
        <source>mkdocs.yml moet instellingen bevatten (sleutel: waarde), geen lijst of losse waarde.</source>
        <translation>mkdocs.yml must be a mapping of settings (key: value), not a list or a single value.</translation>
    </message>
    <message>
        <source>{path} bestaat niet.</source>
        <translation>{path} does not exist.</translation>
    </message>
    <message>
        <source>{path} is geen richtlijnenpakket (.rlpack), editiemap of MkDocs-map.</source>
        <translation>{path} is not a guideline pack (.rlpack), an edition folder or an MkDocs folder.</translation>
    </message>
    <message>
        <source>In de bibliotheekmap {folder} kan niet worden geschreven ({detail}).</source>
        <translation>The library folder {folder} cannot be written to ({detail}).</translation>
    </message>
    <message>
        <source>{path} is niet geïnstalleerd: het pakket is niet ondertekend met een vertrouwde sleutel en niemand heeft de installatie bevestigd.</source>
        <translation>{path} was not installed: the pack is not signed with a trusted key and nobody confirmed the installation.</translation>
    </message>
    <message>
        <source>De bibliotheek bevat geen richtlijnen met id {corpus}.</source>
        <translation>The library holds no guidelines with id {corpus}.</translation>
    </message>
    <message>
        <source>Van {corpus} is geen editie {edition} geïnstalleerd.</source>
        <translation>No edition {edition} of {corpus} is installed.</translation>
    </message>
    <message>
        <source>De meegeleverde editie van {corpus} hoort bij het programma en kan niet worden verwijderd.</source>
        <translation>The bundled edition of {corpus} is part of the application and cannot be removed.</translation>
    </message>
    <message>
        <source>{path} kan niet worden verwijderd ({detail}).</source>
        <translation>{path} cannot be removed ({detail}).</translation>
    </message>
</context>
<context>
    <name>CorpusSwitcher</name>
    <message>
        <source>Deze richtlijnen staan niet (meer) in de bibliotheek: %1</source>
        <translation>These guidelines are not (or no longer) in the library: %1</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>&amp;Zoeken op pagina:</source>
        <translation>&amp;Find in page:</translation>
    </message>
    <message>
        <source>Tekst op deze pagina</source>
        <translation>Text on this page</translation>
    </message>
    <message>
        <source>Zoeken op deze pagina</source>
        <translation>Find on this page</translation>
    </message>
    <message>
        <source>Vorige</source>
        <translation>Previous</translation>
    </message>
    <message>
        <source>Vorige overeenkomst</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Vorige overeenkomst (Shift+F3)</source>
        <translation>Previous match (Shift+F3)</translation>
    </message>
    <message>
        <source>Volgende</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>Volgende overeenkomst</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Volgende overeenkomst (F3)</source>
        <translation>Next match (F3)</translation>
    </message>
    <message>
        <source>Zoekbalk sluiten</source>
        <translation>Close the find bar</translation>
    </message>
    <message>
        <source>Sluiten (Esc)</source>
        <translation>Close (Esc)</translation>
    </message>
    <message>
        <source>Aantal overeenkomsten</source>
        <translation>Number of matches</translation>
    </message>
    <message>
        <source>Niet gevonden</source>
        <translation>Not found</translation>
    </message>
    <message>
        <source>%1 van %2</source>
        <translation>%1 of %2</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>vandaag %1</source>
        <translation>today %1</translation>
    </message>
    <message>
        <source>gisteren %1</source>
        <translation>yesterday %1</translation>
    </message>
    <message>
        <source>Nog geen pagina’s bekeken</source>
        <translation>No pages viewed yet</translation>
    </message>
    <message>
        <source>Geschiedenis wissen…</source>
        <translation>Clear history…</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Nog geen pagina’s bekeken.</source>
        <translation>No pages viewed yet.</translation>
    </message>
    <message>
        <source>Geschiedenis wissen…</source>
        <translation>Clear history…</translation>
    </message>
    <message>
        <source>niet in deze editie</source>
        <translation>not in this edition</translation>
    </message>
    <message>
        <source>Geschiedenis wissen</source>
        <translation>Clear history</translation>
    </message>
    <message>
        <source>Alle bekeken pagina’s uit de geschiedenis wissen? Bladwijzers en checklists blijven.</source>
        <translation>Remove all viewed pages from the history? Bookmarks and checklists stay.</translation>
    </message>
    <message>
        <source>Niet gewist: %1</source>
        <translation>Not cleared: %1</translation>
    </message>
</context>
<context>
    <name>LibraryButtons</name>
    <message>
        <source>Richtlijnen &amp;toevoegen…</source>
        <translation>&amp;Add guidelines…</translation>
    </message>
    <message>
        <source>&amp;Wat is er veranderd</source>
        <translation>&amp;What changed</translation>
    </message>
</context>
<context>
    <name>LibraryPage</name>
    <message>
        <source>Bibliotheek</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Geïnstalleerde richtlijnen</source>
        <translation>Installed guidelines</translation>
    </message>
    <message>
        <source>Richtlijnen</source>
        <translation>Guidelines</translation>
    </message>
    <message>
        <source>Organisatie</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Editie</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>Pagina&apos;s</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Grootte</source>
        <translation>Size</translation>
    </message>
    <message>
        <source>Bladwijzers</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Open punten</source>
        <translation>Open items</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>&amp;Verwijderen…</source>
        <translation>&amp;Remove…</translation>
    </message>
    <message>
        <source>%1 — Nieuwe editie</source>
        <translation>%1 — New edition</translation>
    </message>
    <message>
        <source>%1 (geopend)</source>
        <translation>%1 (open)</translation>
    </message>
    <message>
        <source>Oudere editie (meegeleverd)</source>
        <translation>Older edition (bundled)</translation>
    </message>
    <message>
        <source>Oudere editie (eigen)</source>
        <translation>Older edition (yours)</translation>
    </message>
    <message>
        <source>Oudere editie (deze computer)</source>
        <translation>Older edition (this computer)</translation>
    </message>
    <message>
        <source>Oudere editie</source>
        <translation>Older edition</translation>
    </message>
    <message>
        <source>Geïnstalleerde richtlijnen: %1. Kies er een en druk op Enter om te lezen.</source>
        <translation>Installed guidelines: %1. Choose one and press Enter to read it.</translation>
    </message>
    <message>
        <source>%1, %2, editie %3, %4 pagina&apos;s, %5, %6 bladwijzers, %7 open checklistpunten</source>
        <translation>%1, %2, edition %3, %4 pages, %5, %6 bookmarks, %7 open checklist items</translation>
    </message>
    <message>
        <source>De meegeleverde editie hoort bij de lezer en kan niet worden verwijderd.</source>
        <translation>The bundled edition is part of the reader and cannot be removed.</translation>
    </message>
    <message>
        <source>‘%1’ is uit de bibliotheek verwijderd.</source>
        <translation>‘%1’ was removed from the library.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Inhoud</source>
        <translation>Contents</translation>
    </message>
    <message>
        <source>Op deze pagina</source>
        <translation>On this page</translation>
    </message>
    <message>
        <source>Relaties</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>Bladwijzers</source>
        <translation>Bookmarks</translation>
    </message>
    <message>
        <source>Geschiedenis</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Deze pagina staat niet in deze editie: %1</source>
        <translation>This page is not in this edition: %1</translation>
    </message>
    <message>
        <source>Richtlijnenlezer</source>
        <translation>Guideline Reader</translation>
    </message>
    <message>
        <source>Externe link openen</source>
        <translation>Open external link</translation>
    </message>
    <message>
        <source>Deze link gaat naar internet en opent in je eigen browser:</source>
        <translation>This link goes to the internet and opens in your own browser:</translation>
    </message>
    <message>
        <source>Link openen</source>
        <translation>Open link</translation>
    </message>
    <message>
        <source>Openen in nieuw tabblad</source>
        <translation>Open in new tab</translation>
    </message>
    <message>
        <source>Bijlage openen of opslaan…</source>
        <translation>Open or save attachment…</translation>
    </message>
    <message>
        <source>Link openen in je browser…</source>
        <translation>Open link in your browser…</translation>
    </message>
    <message>
        <source>Linkadres kopiëren</source>
        <translation>Copy link address</translation>
    </message>
    <message>
        <source>Naar deze kop</source>
        <translation>Go to this heading</translation>
    </message>
    <message>
        <source>Link naar deze sectie kopiëren</source>
        <translation>Copy link to this section</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Terug</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Vooruit</source>
        <translation>Forward</translation>
    </message>
    <message>
        <source>Startpagina</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Bibliotheek</source>
        <translation>Library</translation>
    </message>
    <message>
        <source>Volgende tabblad</source>
        <translation>Next tab</translation>
    </message>
    <message>
        <source>Vorige tabblad</source>
        <translation>Previous tab</translation>
    </message>
    <message>
        <source>Nieuw tabblad</source>
        <translation>New tab</translation>
    </message>
    <message>
        <source>Tabblad sluiten</source>
        <translation>Close tab</translation>
    </message>
    <message>
        <source>Gesloten tabblad heropenen</source>
        <translation>Reopen closed tab</translation>
    </message>
    <message>
        <source>Richtlijnen toevoegen…</source>
        <translation>Add guidelines…</translation>
    </message>
    <message>
        <source>Wat is er veranderd…</source>
        <translation>What changed…</translation>
    </message>
    <message>
        <source>Afdrukken…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Exporteren als PDF…</source>
        <translation>Export as PDF…</translation>
    </message>
    <message>
        <source>Afsluiten</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Kopiëren</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Zoeken op pagina…</source>
        <translation>Find in page…</translation>
    </message>
    <message>
        <source>Volgende overeenkomst</source>
        <translation>Next match</translation>
    </message>
    <message>
        <source>Vorige overeenkomst</source>
        <translation>Previous match</translation>
    </message>
    <message>
        <source>Inzoomen</source>
        <translation>Zoom in</translation>
    </message>
    <message>
        <source>Uitzoomen</source>
        <translation>Zoom out</translation>
    </message>
    <message>
        <source>Normale grootte</source>
        <translation>Actual size</translation>
    </message>
    <message>
        <source>Bladwijzer voor deze pagina</source>
        <translation>Bookmark this page</translation>
    </message>
    <message>
        <source>Bladwijzer voor deze sectie</source>
        <translation>Bookmark this section</translation>
    </message>
    <message>
        <source>Zijbalk tonen</source>
        <translation>Show sidebar</translation>
    </message>
    <message>
        <source>Naar volgend deelvenster</source>
        <translation>Next pane</translation>
    </message>
    <message>
        <source>Naar de pagina</source>
        <translation>Go to the page</translation>
    </message>
    <message>
        <source>Sneltoetsen</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Over deze editie</source>
        <translation>About this edition</translation>
    </message>
    <message>
        <source>Zoals het systeem</source>
        <translation>Follow the system</translation>
    </message>
    <message>
        <source>Licht</source>
        <translation>Light</translation>
    </message>
    <message>
        <source>Donker</source>
        <translation>Dark</translation>
    </message>
    <message>
        <source>Hoog contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Taal van het systeem</source>
        <translation>System language</translation>
    </message>
    <message>
        <source>%1 tonen</source>
        <translation>Show %1</translation>
    </message>
    <message>
        <source>&amp;Bestand</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Be&amp;werken</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>Beel&amp;d</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>B&amp;ladwijzers</source>
        <translation>&amp;Bookmarks</translation>
    </message>
    <message>
        <source>&amp;Thema</source>
        <translation>&amp;Theme</translation>
    </message>
    <message>
        <source>T&amp;aal</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>&amp;Zijbalk</source>
        <translation>&amp;Sidebar</translation>
    </message>
    <message>
        <source>&amp;Ga</source>
        <translation>&amp;Go</translation>
    </message>
    <message>
        <source>&amp;Recent geopend</source>
        <translation>&amp;Recently opened</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Navigatie</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>Zijbalk</source>
        <translation>Sidebar</translation>
    </message>
    <message>
        <source>Pagina</source>
        <translation>Page</translation>
    </message>
    <message>
        <source>Editie</source>
        <translation>Edition</translation>
    </message>
    <message>
        <source>Bibliotheek — Richtlijnenlezer</source>
        <translation>Library — Richtlijnenlezer</translation>
    </message>
    <message>
        <source>Checklist: %1 van %2 gedaan</source>
        <translation>Checklist: %1 of %2 done</translation>
    </message>
    <message>
        <source>Bladwijzer verwijderd: %1</source>
        <translation>Bookmark removed: %1</translation>
    </message>
    <message>
        <source>Bladwijzer bewaard: %1</source>
        <translation>Bookmark saved: %1</translation>
    </message>
    <message>
        <source>Link gekopieerd: %1</source>
        <translation>Link copied: %1</translation>
    </message>
    <message>
        <source>Zoom: %1%</source>
        <translation>Zoom: %1%</translation>
    </message>
    <message>
        <source>PDF opgeslagen: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>Exporteren mislukt</source>
        <translation>Export failed</translation>
    </message>
    <message>
        <source>De PDF kon niet worden opgeslagen: %1</source>
        <translation>The PDF could not be saved: %1</translation>
    </message>
    <message>
        <source>Exporteren als PDF</source>
        <translation>Export as PDF</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Afgedrukt</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Afdrukken mislukt</source>
        <translation>Printing failed</translation>
    </message>
    <message>
        <source>Zoeken in alle pagina&apos;s</source>
        <translation>Search all pages</translation>
    </message>
    <message>
        <source>Volgend of vorig element</source>
        <translation>Next or previous element</translation>
    </message>
    <message>
        <source>Overig</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Versie van de lezer: %1</source>
        <translation>Reader version: %1</translation>
    </message>
    <message>
        <source>Editie van %1</source>
        <translation>Edition of %1</translation>
    </message>
    <message>
        <source>%1 pagina&apos;s</source>
        <translation>%1 pages</translation>
    </message>
    <message>
        <source>Bron: %1</source>
        <translation>Source: %1</translation>
    </message>
    <message>
        <source>%1 · editie %2</source>
        <translation>%1 · edition %2</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <source>Melding</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Melding sluiten</source>
        <translation>Close message</translation>
    </message>
    <message>
        <source>Er kon geen browser worden gestart voor %1</source>
        <translation>No web browser could be started for %1</translation>
    </message>
    <message>
        <source>Link gekopieerd: %1</source>
        <translation>Link copied: %1</translation>
    </message>
    <message>
        <source>Link kopiëren</source>
        <translation>Copy link</translation>
    </message>
</context>
<context>
    <name>OutlineTree</name>
    <message>
        <source>Op deze pagina</source>
        <translation>On this page</translation>
    </message>
    <message>
        <source>De koppen van de open pagina; kies er een om ernaartoe te gaan</source>
        <translation>The headings of the open page; choose one to go there</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>%1, editie van %2</source>
        <translation>%1, edition of %2</translation>
    </message>
    <message>
        <source>Pagina %1 van %2</source>
        <translation>Page %1 of %2</translation>
    </message>
</context>
<context>
    <name>RelationsTree</name>
    <message>
        <source>Gerelateerde richtlijnen</source>
        <translation>Related guidelines</translation>
    </message>
    <message>
        <source>Deze pagina verwijst naar</source>
        <translation>This page links to</translation>
    </message>
    <message>
        <source>Pagina&apos;s die hiernaar verwijzen</source>
        <translation>Pages that link here</translation>
    </message>
    <message>
        <source>Relaties</source>
        <translation>Relations</translation>
    </message>
    <message>
        <source>Gerelateerde richtlijnen, links en verwijzingen van de open pagina</source>
        <translation>Related guidelines, links and backlinks of the open page</translation>
    </message>
    <message>
        <source>Alleen naar de gerelateerde richtlijnen hierboven</source>
        <translation>Only to the related guidelines above</translation>
    </message>
    <message>
        <source>Geen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>%1 (niet beschikbaar in deze editie)</source>
        <translation>%1 (not available in this edition)</translation>
    </message>
    <message>
        <source>Deze richtlijn staat niet in deze editie van het corpus.</source>
        <translation>This guideline is not in this edition of the corpus.</translation>
    </message>
</context>
<context>
    <name>RemoveDialog</name>
    <message>
        <source>Verwijderen uit de bibliotheek</source>
        <translation>Remove from the library</translation>
    </message>
    <message>
        <source>‘%1’ met al zijn edities uit de bibliotheek verwijderen?</source>
        <translation>Remove ‘%1’ with all its editions from the library?</translation>
    </message>
    <message>
        <source>De editie van %2 van ‘%1’ verwijderen? De nieuwere editie blijft.</source>
        <translation>Remove the %2 edition of ‘%1’? The newer edition stays.</translation>
    </message>
    <message>
        <source>Uw bladwijzers (%1), geschiedenis en afgevinkte punten blijven bewaard; ze zijn terug als u deze richtlijnen opnieuw installeert.</source>
        <translation>Your bookmarks (%1), history and ticked items are kept; they are back when you install these guidelines again.</translation>
    </message>
    <message>
        <source>Ook mijn bladwijzers, geschiedenis en afgevinkte punten wissen</source>
        <translation>Also delete my bookmarks, history and ticked items</translation>
    </message>
    <message>
        <source>Verwijderen</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>SearchDropdown</name>
    <message>
        <source>Zoekresultaten terwijl je typt</source>
        <translation>Search results as you type</translation>
    </message>
    <message>
        <source>Snelle zoekresultaten</source>
        <translation>Quick search results</translation>
    </message>
    <message>
        <source>Aantal resultaten</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <source>Zoeken...</source>
        <translation>Searching...</translation>
    </message>
    <message>
        <source>Alle %1 resultaten tonen</source>
        <translation>Show all %1 results</translation>
    </message>
    <message>
        <source>Resultaat in de volledige lijst tonen</source>
        <translation>Show the result in the full list</translation>
    </message>
    <message>
        <source>Geen resultaten</source>
        <translation>No results</translation>
    </message>
    <message>
        <source>Inleiding</source>
        <translation>Introduction</translation>
    </message>
</context>
<context>
    <name>SearchField</name>
    <message>
        <source>Zoeken (Ctrl+K)</source>
        <translation>Search (Ctrl+K)</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Zoek in alle pagina&apos;s. Gebruik &quot;aanhalingstekens&quot; voor een zin, -woord om uit te sluiten, OF-zoeken met OR, titel: en sectie: om te beperken, en de filters onder het veld (zoals rol:waarde).</source>
        <translation>Search all pages. Use &quot;quotes&quot; for a phrase, -word to exclude, OR for either word, title: and section: to narrow down, and the filters below the field (such as rol:value).</translation>
    </message>
</context>
<context>
    <name>SearchFilterRow</name>
    <message>
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <source>Filter %1</source>
        <translation>Filter %1</translation>
    </message>
    <message>
        <source>Actief: %1. </source>
        <translation>Active: %1. </translation>
    </message>
    <message>
        <source>Kies een waarde om alleen pagina&apos;s met die waarde te tonen; kies haar opnieuw om het filter weg te halen.</source>
        <translation>Choose a value to show only pages that have it; choose it again to remove the filter.</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Zoekresultaten</source>
        <translation>Search results</translation>
    </message>
    <message>
        <source>Aantal resultaten</source>
        <translation>Number of results</translation>
    </message>
    <message>
        <source>Zoeken is niet beschikbaar: deze editie heeft geen zoekindex.</source>
        <translation>Search is not available: this edition has no search index.</translation>
    </message>
    <message>
        <source>Er ging iets mis bij het zoeken.</source>
        <translation>Something went wrong while searching.</translation>
    </message>
    <message>
        <source>Typ om te zoeken in alle pagina&apos;s.</source>
        <translation>Type to search all pages.</translation>
    </message>
    <message>
        <source>Zoeken...</source>
        <translation>Searching...</translation>
    </message>
    <message>
        <source>Inleiding</source>
        <translation>Introduction</translation>
    </message>
    <message>
        <source>1 resultaat</source>
        <translation>1 result</translation>
    </message>
    <message>
        <source>%1 resultaten</source>
        <translation>%1 results</translation>
    </message>
    <message>
        <source>op 1 pagina</source>
        <translation>on 1 page</translation>
    </message>
    <message>
        <source>op %1 pagina&apos;s</source>
        <translation>on %1 pages</translation>
    </message>
    <message>
        <source>Niets gevonden.</source>
        <translation>Nothing found.</translation>
    </message>
    <message>
        <source>Resultaten voor %1; zoek in plaats daarvan naar %2</source>
        <translation>Showing results for %1; search instead for %2</translation>
    </message>
    <message>
        <source>Bedoelde je: %1?</source>
        <translation>Did you mean: %1?</translation>
    </message>
    <message>
        <source>Geen resultaten met alle woorden; dit zijn de beste gedeeltelijke resultaten.</source>
        <translation>No results with all words; these are the best partial results.</translation>
    </message>
</context>
<context>
    <name>SearchScope</name>
    <message>
        <source>Alle richtlijnen</source>
        <translation>All guidelines</translation>
    </message>
    <message>
        <source>Zoeken in alle richtlijnen van de bibliotheek, niet alleen in deze</source>
        <translation>Search all guidelines in the library, not just these</translation>
    </message>
    <message>
        <source>Zoeken in alle richtlijnen</source>
        <translation>Search all guidelines</translation>
    </message>
</context>
<context>
    <name>WindowTabs</name>
    <message>
        <source>Geopend in nieuw tabblad: %1</source>
        <translation>Opened in a new tab: %1</translation>
    </message>
    <message>
        <source>Tabblad tonen</source>
        <translation>Show tab</translation>
    </message>
    <message>
        <source>Het laatste tabblad blijft open, op de startpagina</source>
        <translation>The last tab stays open, on the home page</translation>
    </message>
    <message>
        <source>Geen gesloten tabblad om te heropenen</source>
        <translation>No closed tab to reopen</translation>
    </message>
    <message>
        <source>Tabblad sluiten: %1</source>
        <translation>Close tab: %1</translation>
    </message>
    <message>
        <source>Tabbladen</source>
        <translation>Tabs</translation>
    </message>
</context>
</TS>
