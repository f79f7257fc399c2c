#pragma once

// Marks texts for Qt's lupdate (translations/CMakeLists.txt lists the files that use these) in a
// library without Qt: they expand to the text itself.
#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif
#ifndef QT_TRANSLATE_N_NOOP
#define QT_TRANSLATE_N_NOOP(context, text) text
#endif
