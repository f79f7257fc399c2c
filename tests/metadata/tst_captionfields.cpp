// The field names users type, and what each field receives: the alt text cut at a word boundary.
#include <snaption/metadata/captionfields.h>
#include <snaption/metadata/photodescription.h>
#include <snaption/metadata/wordboundary.h>

#include <QtTest>

using namespace snaption::metadata;

class TestCaptionFields : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void namesParseBothWays()
    {
        QCOMPARE(CaptionFields::defaults().names(), std::string("description,alt-text"));
        const auto all = CaptionFields::parse("iptc,description,exif,extended,alt-text");
        QVERIFY(all);
        QCOMPARE(*all, CaptionFields::all());
        QCOMPARE(all->names(), std::string("description,alt-text,extended,exif,iptc"));
        QVERIFY(!CaptionFields::parse(""));
        QVERIFY(!CaptionFields::parse("description,caption"));
        QVERIFY(!CaptionFields::parse("description,,alt-text"));
        QVERIFY(CaptionFields::defaults().onlyXmp());
        QVERIFY(!CaptionFields::all().onlyXmp());
    }

    void cutsAtWordBoundariesNeverInsideAWord_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("limit");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fits") << "a dog runs" << 10 << "a dog runs";
        QTest::newRow("inside a word") << "a dog runs fast" << 12 << "a dog runs";
        QTest::newRow("at a space") << "a dog runs fast" << 10 << "a dog runs";
        QTest::newRow("dangling comma") << "a dog, a cat and a bird" << 7 << "a dog";
        QTest::newRow("one long word") << "Donaudampfschiff" << 5 << "Donau";
        QTest::newRow("characters not bytes") << "größer äpfel über" << 12 << "größer äpfel";
        QTest::newRow("no split character") << "ääääää" << 3 << "äää";
    }

    void cutsAtWordBoundariesNeverInsideAWord()
    {
        QFETCH(QString, text);
        QFETCH(int, limit);
        QFETCH(QString, expected);
        const std::string cut = cutAtWordBoundary(text.toStdString(), std::size_t(limit));
        QCOMPARE(QString::fromStdString(cut), expected);
        QVERIFY(characterCount(cut) <= std::size_t(limit));
    }

    void bytesLimitKeepsCharactersWhole()
    {
        const std::string text = "über über über"; // ü is two bytes
        const std::string cut = cutAtWordBoundaryBytes(text, 6);
        QCOMPARE(cut, std::string("über"));
        QCOMPARE(cutAtWordBoundaryBytes("üüüü", 3), std::string("ü"));
    }

    void eachFieldGetsItsText()
    {
        std::string longCaption;
        for (int i = 0; i < 40; ++i) longCaption += "a dog runs ";
        QCOMPARE(fieldText(CaptionField::Description, longCaption), longCaption);
        QVERIFY(characterCount(fieldText(CaptionField::AltText, longCaption)) <= kAltTextLimit);
        QVERIFY(fieldText(CaptionField::AltText, longCaption).back() != ' ');
    }

    void machineMadeOnlyWhileUnchanged()
    {
        PhotoDescription photo;
        photo.description = {{"x-default", "a dog"}, {"en", "a dog"}};
        QVERIFY(!photo.isMachineMade(CaptionField::Description)); // no mark: a person's
        MachineMark mark;
        mark.caption = "a dog";
        mark.fields = {CaptionField::Description};
        photo.mark = mark;
        QVERIFY(photo.isMachineMade(CaptionField::Description));
        const CaptionFields shown{CaptionField::Description, CaptionField::AltText};
        QVERIFY(photo.isMachineMade(shown)); // the alt text is empty: what is there is Snaption's
        photo.altText = {{"x-default", "Rex"}};
        QVERIFY(!photo.isMachineMade(shown)); // a person's alt text beside it
        QVERIFY(!PhotoDescription().isMachineMade(shown)); // nothing at all
        photo.altText.clear();
        QVERIFY(!photo.isMachineMade(CaptionField::AltText)); // empty, and not the mark's
        photo.description["x-default"] = "Rex, a dog";    // changed in another program
        QVERIFY(!photo.isMachineMade(CaptionField::Description));
        photo.description["x-default"] = "a dog";
        photo.mark->edited = true; // corrected by a person in Snaption
        QVERIFY(!photo.isMachineMade(CaptionField::Description));
    }
};

QTEST_GUILESS_MAIN(TestCaptionFields)
#include "tst_captionfields.moc"
