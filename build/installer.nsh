; Registers the allv sign-in link scheme at install time (electron-builder's `protocols` is
; macOS and Linux only), so an OAuth redirect reaches the app even before its first start.
; The command line ends with "--" before the URL: Chromium stops reading switches there, so a
; crafted link cannot smuggle in one such as --gpu-launcher (CVE-2018-1000006).
!define ALLV_URL_KEY "Software\Classes\com.allv.desktop"
!define ALLV_EXE "$INSTDIR\${APP_EXECUTABLE_FILENAME}"

!macro customInstall
  WriteRegStr SHCTX "${ALLV_URL_KEY}" "" "URL:allv sign-in callback"
  WriteRegStr SHCTX "${ALLV_URL_KEY}" "URL Protocol" ""
  WriteRegStr SHCTX "${ALLV_URL_KEY}\DefaultIcon" "" "${ALLV_EXE},0"
  WriteRegStr SHCTX "${ALLV_URL_KEY}\shell\open\command" "" '"${ALLV_EXE}" "--" "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "${ALLV_URL_KEY}"
!macroend
