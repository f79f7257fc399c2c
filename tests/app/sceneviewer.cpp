// Test helper, not a test: another application's window showing an image at one pixel per pixel,
// for the end-to-end test of Caption Active Window (screen_capture.py).
//   snaption-test-viewer IMAGE [TITLE]
#include <QApplication>
#include <QLabel>
#include <QPixmap>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() < 2) return 2;
    const QPixmap image(arguments.at(1));
    if (image.isNull()) return 1;
    QLabel label;
    label.setPixmap(image);
    label.setContentsMargins(0, 0, 0, 0);
    label.setFixedSize(image.size());
    label.setWindowTitle(arguments.size() > 2 ? arguments.at(2) : QStringLiteral("Scene"));
    label.show();
    return QApplication::exec();
}
