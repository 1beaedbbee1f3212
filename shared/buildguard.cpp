// SPDX-License-Identifier: MIT
// Compiled inside amo_shared only: a Widgets or GUI dependency fails the build here,
// even if someone adds it to the link line.
#ifdef QT_WIDGETS_LIB
#error "shared/ must stay free of Qt Widgets; move this code to gui/"
#endif
#ifdef QT_GUI_LIB
#error "shared/ must stay free of Qt Gui; move this code to gui/"
#endif
#ifdef QT_HTTPSERVER_LIB
#error "shared/ must stay free of Qt HttpServer; move this code to agent/"
#endif
