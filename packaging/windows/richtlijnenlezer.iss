; Inno Setup 6 script for Richtlijnenlezer (Windows installer).
;
; Build the frozen folder first on Windows (packaging\README.md), then:
;   iscc /DAppVersion=0.1.0 packaging\windows\richtlijnenlezer.iss
; Output: dist\richtlijnenlezer-0.1.0-setup.exe
;
; Installs per user by default, without administrator rights (into %LOCALAPPDATA%\Programs\Richtlijnenlezer).
; Administrators can choose "install for all users" in the first dialog, or run it unattended:
;   richtlijnenlezer-0.1.0-setup.exe /ALLUSERS /VERYSILENT /SUPPRESSMSGBOXES /NORESTART   (per machine)
;   richtlijnenlezer-0.1.0-setup.exe /CURRENTUSER /VERYSILENT                              (per user)
; Both register an uninstaller (Settings > Apps) and a Start-menu entry.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\richtlijnenlezer"
#endif
#define AppName "Richtlijnenlezer"
#define AppExe "richtlijnenlezer.exe"

[Setup]
; A fixed AppId keeps upgrades and the uninstaller together across versions: never change it.
AppId={{6C3E2B0A-7F1D-4E52-9A36-2B8D0F4C9E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Richtlijnenlezer
VersionInfoVersion={#AppVersion}
; Per user without administrator rights unless the user or the command line asks for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
; {autopf} is %LOCALAPPDATA%\Programs per user and C:\Program Files per machine.
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\icons\richtlijnenlezer.ico
OutputDir=..\..\dist
OutputBaseFilename=richtlijnenlezer-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
; The reader may be running during an upgrade; let Windows close it.
CloseApplications=yes
RestartApplications=no

[Languages]
Name: "dutch"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: richtlijnenlezer.exe (windowed), richtlijnenlezer-cli.exe (console) and _internal\.
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Dirs]
; Per-machine installs create the folder where administrators place newer editions (see packaging\README.md).
; It survives uninstalling: its editions belong to the administrator, not to this installer.
Name: "{commonappdata}\Richtlijnenlezer\richtlijnenlezer\editions"; Check: IsAdminInstallMode; Flags: uninsneveruninstall

[Icons]
; {autoprograms}: the user's Start menu per user, the common Start menu per machine.
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Comment: "Richtlijnen van de overheid offline lezen"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer put there; user data (bookmarks, history) in %LOCALAPPDATA% stays unless removed by hand.
Type: filesandordirs; Name: "{app}\_internal"
