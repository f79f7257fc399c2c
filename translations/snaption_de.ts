<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ArchiveRun</name>
    <message numerus="yes">
        <location filename="../app/cli/archiverun.cpp" line="+39"/>
        <source>removed %n temporary file(s) left by a run that was stopped</source>
        <translation>
            <numerusform>%n temporäre Datei eines abgebrochenen Laufs entfernt</numerusform>
            <numerusform>%n temporäre Dateien eines abgebrochenen Laufs entfernt</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Journal: %1</source>
        <translation>Journal: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Carrying on: %n photo(s) written by an earlier run are skipped.</source>
        <translation>
            <numerusform>Es geht weiter: %n Foto, das ein früherer Lauf beschrieben hat, wird übersprungen.</numerusform>
            <numerusform>Es geht weiter: %n Fotos, die ein früherer Lauf beschrieben hat, werden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+67"/>
        <source>could not be captioned</source>
        <translation>konnte nicht beschrieben werden</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Metadata: %1 written, %2 skipped, %3 failed, of %4 photos.</source>
        <translation>Metadaten: %1 geschrieben, %2 übersprungen, %3 fehlgeschlagen, von %4 Fotos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  skipped, %1: %2</source>
        <translation>  übersprungen, %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  failed, %1: %2</source>
        <translation>  fehlgeschlagen, %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after %1 of %2 photos; the same command carries on where this run stopped.</source>
        <translation>Angehalten nach %1 von %2 Fotos; derselbe Befehl macht dort weiter, wo dieser Lauf aufgehört hat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undo with: snaption-cli metadata restore %1</source>
        <translation>Rückgängig mit: snaption-cli metadata restore %1</translation>
    </message>
</context>
<context>
    <name>BenchCommand</name>
    <message>
        <location filename="../app/cli/benchcommand.cpp" line="+326"/>
        <source>The model file.</source>
        <translation>Die Modelldatei.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Measured runs per mode (default 20).</source>
        <translation>Gemessene Durchläufe je Modus (Standard 20).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Unmeasured runs first (default 2).</source>
        <translation>Ungemessene Durchläufe vorab (Standard 2).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images per batch for the throughput test (default 8).</source>
        <translation>Bilder je Stapel für den Durchsatztest (Standard 8).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images captioned in a row for the memory test (default 100, 0 = skip).</source>
        <translation>Nacheinander beschriebene Bilder für den Speichertest (Standard 100, 0 = überspringen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoder weights: fp32 (exact) or int8 (faster; default %1).</source>
        <translation>Decoder-Gewichte: fp32 (exakt) oder int8 (schneller; Standard %1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated modes to measure (default: all of greedy, beam3, greedy_nocache, beam3_nocache).</source>
        <translation>Zu messende Modi, durch Kommas getrennt (Standard: alle von greedy, beam3, greedy_nocache, beam3_nocache).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the results as one JSON object.</source>
        <translation>Die Ergebnisse als ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images to use (default: a generated 224 x 224 test card).</source>
        <translation>Zu verwendende Bilder (Standard: ein erzeugtes Testbild mit 224 x 224 Pixeln).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>[IMAGE...]</source>
        <translation>[BILD...]</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>--model is required; --runs is 1 to 100000, --warmup 0 to 100000, --batch 1 to 256, --sequence 0 to 1000000</source>
        <translation>--model fehlt; --runs ist 1 bis 100000, --warmup 0 bis 100000, --batch 1 bis 256, --sequence 0 bis 1000000</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--precision must be fp32 or int8</source>
        <translation>--precision muss fp32 oder int8 sein</translation>
    </message>
    <message>
        <location line="-206"/>
        <source>generated test card</source>
        <translation>erzeugtes Testbild</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>Model %1 (%2, %3 parameters, %4 decoder weights), %5 threads, %6 runs per mode, %7 kernels</source>
        <translation>Modell %1 (%2, %3 Parameter, %4-Decoder-Gewichte), %5 Threads, %6 Durchläufe je Modus, %7-Kernel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Decoder step (greedy, one image): %1 ms, %2 MB of weights read at %3 GB/s; memcpy on %4 threads: %5 GB/s (the step takes %6x the time memcpy would)</source>
        <translation>Decoderschritt (greedy, ein Bild): %1 ms, %2 MB Gewichte gelesen mit %3 GB/s; memcpy mit %4 Threads: %5 GB/s (der Schritt braucht das %6-Fache der Zeit von memcpy)</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>unknown mode &quot;%1&quot;</source>
        <translation>unbekannter Modus „%1“</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>mode             total ms (min/median/p95)   decode  preproc  encoder  decoder  per token  tokens</source>
        <translation>Modus            gesamt ms (min/Median/p95)  Dekodier Vorverarb Encoder Decoder je Token Tokens</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>KV cache speed-up of the decoder: greedy %1x, beam 3 %2x</source>
        <translation>Beschleunigung des Decoders durch den KV-Cache: greedy %1x, Beam 3 %2x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batches of %1: beam 3 %2 images/s, greedy %3 images/s</source>
        <translation>Stapel zu %1: Beam 3 %2 Bilder/s, greedy %3 Bilder/s</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Memory: %1 images in a row, RSS %2 MB after the first, %3 MB after the last, peak %4 MB</source>
        <translation>Speicher: %1 Bilder nacheinander, RSS %2 MB nach dem ersten, %3 MB nach dem letzten, Spitze %4 MB</translation>
    </message>
    <message>
        <location filename="../app/cli/benchcommand.h" line="+13"/>
        <source>Measure captioning speed and memory.</source>
        <translation>Geschwindigkeit und Speicherbedarf der Bildbeschreibung messen.</translation>
    </message>
</context>
<context>
    <name>BuildFeatures</name>
    <message>
        <location filename="../app/gui/buildfeatures.cpp" line="+25"/>
        <source>Speak captions aloud: built, but no speech engine is installed (install qt6-speech-speechd-plugin and speech-dispatcher)</source>
        <translation>Beschreibungen vorlesen: eingebaut, aber keine Sprachausgabe installiert (qt6-speech-speechd-plugin und speech-dispatcher installieren)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speak captions aloud: yes (engines: %1)</source>
        <translation>Beschreibungen vorlesen: ja (Sprachausgaben: %1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Speak captions aloud: not built (Qt TextToSpeech was missing at build time: install qt6-speech-dev and qt6-declarative-dev, then rebuild)</source>
        <translation>Beschreibungen vorlesen: nicht eingebaut (Qt TextToSpeech fehlte beim Bauen: qt6-speech-dev und qt6-declarative-dev installieren, dann neu bauen)</translation>
    </message>
</context>
<context>
    <name>CaptionCommand</name>
    <message>
        <location filename="../app/cli/captioncommand.cpp" line="+75"/>
        <source>The model file (.safetensors).</source>
        <translation>Die Modelldatei (.safetensors).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoder weights: fp32 (exact) or int8 (faster; default %1).</source>
        <translation>Decoder-Gewichte: fp32 (exakt) oder int8 (schneller; Standard %1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON object per image and line.</source>
        <translation>Je Bild eine Zeile mit einem JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write one attention overlay PNG per word into &lt;folder&gt;.</source>
        <translation>Je Wort ein PNG mit der Aufmerksamkeitskarte in &lt;Ordner&gt; schreiben.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heatmap colours: viridis (default), inferno or jet.</source>
        <translation>Farben der Wärmekarte: viridis (Standard), inferno oder jet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heatmap opacity from 0 to 1 (default 0.5).</source>
        <translation>Deckkraft der Wärmekarte von 0 bis 1 (Standard 0,5).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Images captioned together at most (default 16).</source>
        <translation>Höchstens so viele Bilder werden gemeinsam beschrieben (Standard 16).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse images larger than this (default 100).</source>
        <translation>Größere Bilder ablehnen (Megapixel, Standard 100).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Caption only share I of N (I from 0): N jobs given the same paths cover them exactly once, on any machine.</source>
        <translation>Nur Anteil I von N beschreiben (I ab 0): N Aufträge mit denselben Pfaden decken sie genau einmal ab, auf jedem Rechner.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>I/N</source>
        <translation>I/N</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image files or folders.</source>
        <translation>Bilddateien oder Ordner.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMAGE...</source>
        <translation>BILD...</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>--model is required</source>
        <translation>--model fehlt</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no images given (or the folders hold none)</source>
        <translation>keine Bilder angegeben (oder die Ordner enthalten keine)</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>invalid value: --colormap is viridis, inferno or jet, --opacity 0 to 1, --batch-size 1 to %1, --max-megapixels up to %2</source>
        <translation>ungültiger Wert: --colormap ist viridis, inferno oder jet, --opacity 0 bis 1, --batch-size 1 bis %1, --max-megapixels höchstens %2</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>--shard must be I/N with 0 &lt;= I &lt; N, such as 0/4</source>
        <translation>--shard muss I/N mit 0 &lt;= I &lt; N sein, etwa 0/4</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>--precision must be fp32 or int8</source>
        <translation>--precision muss fp32 oder int8 sein</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/cli/captioncommand.h" line="+14"/>
        <source>Caption images (files or folders).</source>
        <translation>Bilder beschreiben (Dateien oder Ordner).</translation>
    </message>
</context>
<context>
    <name>CaptionExporter</name>
    <message>
        <location filename="../widgets/src/captionexporter.cpp" line="+89"/>
        <source>%1: not written, because %2 would share it</source>
        <translation>%1: nicht geschrieben, da %2 sich diese Datei teilen würden</translation>
    </message>
</context>
<context>
    <name>ClassifyCommand</name>
    <message>
        <location filename="../app/cli/classifycommand.cpp" line="+30"/>
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Encoder weights: .safetensors, torch.save .pth/.pt (timm or torchvision names) or a TFLite MobileNetV2.</source>
        <translation>Encoder-Gewichte: .safetensors, torch.save .pth/.pt (timm- oder torchvision-Namen) oder ein TFLite-MobileNetV2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Class names, one per line (default: class numbers).</source>
        <translation>Klassennamen, einer je Zeile (Standard: Klassennummern).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many classes to print per image (default 5).</source>
        <translation>Wie viele Klassen je Bild ausgegeben werden (Standard 5).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print one JSON object per image and line.</source>
        <translation>Je Bild eine Zeile mit einem JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image files or folders.</source>
        <translation>Bilddateien oder Ordner.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMAGE...</source>
        <translation>BILD...</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>give --encoder-weights, at least one image, and --top of at least 1</source>
        <translation>--encoder-weights, mindestens ein Bild und --top von mindestens 1 angeben</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>cannot read the labels file %1</source>
        <translation>die Datei mit den Klassennamen %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/cli/classifycommand.h" line="+13"/>
        <source>Classify images with pretrained encoder weights.</source>
        <translation>Bilder mit vortrainierten Encoder-Gewichten klassifizieren.</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <location filename="../app/cli/clioutput.cpp" line="+43"/>
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+38"/>
        <source>Usage: snaption-cli [--threads N] &lt;command&gt; [options]

Image captioning with per-word attention heatmaps.

Commands:
</source>
        <translation>Aufruf: snaption-cli [--threads N] &lt;Befehl&gt; [Optionen]

Bildbeschreibung mit Aufmerksamkeitskarten für jedes Wort.

Befehle:
</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>
Global options:
  --threads N   CPU threads for inference (default: the number of physical cores)
  --version     Print the version
  --help        Print this help; `snaption-cli &lt;command&gt; --help` describes a command
</source>
        <translation>
Allgemeine Optionen:
  --threads N   CPU-Threads für die Inferenz (Standard: Zahl der physischen Kerne)
  --version     Die Version ausgeben
  --help        Diese Hilfe ausgeben; `snaption-cli &lt;Befehl&gt; --help` beschreibt einen Befehl
</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>--threads needs a number from 1 to 256</source>
        <translation>--threads braucht eine Zahl von 1 bis 256</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>unexpected failure: %1</source>
        <translation>unerwarteter Fehler: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unknown command &quot;%1&quot;; see snaption-cli --help</source>
        <translation>unbekannter Befehl „%1“; siehe snaption-cli --help</translation>
    </message>
</context>
<context>
    <name>ConfidenceText</name>
    <message>
        <location filename="../app/cli/confidencetext.cpp" line="+10"/>
        <source>%1% of %2 captions marked unsure: mean CIDEr-D %3 (unsure) vs %4 (confident), ratio %5</source>
        <translation>%1 % von %2 Beschreibungen als unsicher markiert: mittlerer CIDEr-D %3 (unsicher) gegenüber %4 (sicher), Verhältnis %5</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no caption score singles out poor captions (%1 captions of the %2 split, %3); no caption is marked unsure</source>
        <translation>keine Bewertung hebt schwache Beschreibungen hervor (%1 Beschreibungen des Teils %2, %3); keine Beschreibung wird als unsicher markiert</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>unsure when a word&apos;s probability is below %1%</source>
        <translation>unsicher, wenn die Wahrscheinlichkeit eines Wortes unter %1 % liegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unsure when the mean log probability is below %1</source>
        <translation>unsicher, wenn die mittlere Log-Wahrscheinlichkeit unter %1 liegt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (chosen on the %2 split, %3: %4)</source>
        <translation>%1 (gewählt auf dem Teil %2, %3: %4)</translation>
    </message>
</context>
<context>
    <name>DecodingArguments</name>
    <message>
        <location filename="../app/cli/decodingarguments.cpp" line="+13"/>
        <source>Pick the most likely word at each step.</source>
        <translation>In jedem Schritt das wahrscheinlichste Wort wählen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beam search with &lt;width&gt; hypotheses (default 3).</source>
        <translation>Strahlsuche mit &lt;Breite&gt; Hypothesen (Standard 3).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Beam search ranks captions by log probability / length^&lt;a&gt;: 1 favours longer captions, 0 shorter (default 0.5).</source>
        <translation>Die Strahlsuche ordnet Bildunterschriften nach Log-Wahrscheinlichkeit / Länge^&lt;a&gt;: 1 bevorzugt längere, 0 kürzere (Standard 0,5).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a</source>
        <translation>a</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample words at random (see --top-k, --temperature, --seed).</source>
        <translation>Wörter zufällig ziehen (siehe --top-k, --temperature, --seed).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample only among the &lt;k&gt; most likely words (0 = all).</source>
        <translation>Nur unter den &lt;k&gt; wahrscheinlichsten Wörtern ziehen (0 = alle).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampling temperature (default 1).</source>
        <translation>Temperatur beim Ziehen (Standard 1).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed for sampling (default 0).</source>
        <translation>Zufallsstartwert beim Ziehen (Standard 0).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>choose one of --greedy, --beam and --sample</source>
        <translation>eines von --greedy, --beam und --sample wählen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>--beam, --length-penalty, --top-k, --temperature and --seed need numbers</source>
        <translation>--beam, --length-penalty, --top-k, --temperature und --seed brauchen Zahlen</translation>
    </message>
</context>
<context>
    <name>EvalCommand</name>
    <message>
        <location filename="../app/cli/evalcommand.cpp" line="+55"/>
        <source>The model file.</source>
        <translation>Die Modelldatei.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+8"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>The dataset (as for train).</source>
        <translation>Der Datensatz (wie bei train).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset format (default auto).</source>
        <translation>Format des Datensatzes (Standard auto).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dev (default) or test.</source>
        <translation>dev (Standard) oder test.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>split</source>
        <translation>Teil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score only the first n images (0 = all).</source>
        <translation>Nur die ersten n Bilder bewerten (0 = alle).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoder weights: fp32 or int8.</source>
        <translation>Decoder-Gewichte: fp32 oder int8.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the scores as JSON.</source>
        <translation>Die Bewertung als JSON ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write each image&apos;s caption, score, CIDEr-D and confidence to a JSON Lines file.</source>
        <translation>Beschreibung, Bewertung, CIDEr-D und Sicherheit jedes Bildes in eine JSON-Lines-Datei schreiben.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the model&apos;s confidence threshold on this split (captions marked unsure score at most 0.4 times the mean CIDEr-D of confident ones) and store it in the model file.</source>
        <translation>Die Sicherheitsschwelle des Modells auf diesem Teil wählen (als unsicher markierte Beschreibungen erreichen höchstens das 0,4-Fache des mittleren CIDEr-D der sicheren) und in der Modelldatei speichern.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--model and --data are required; --precision is fp32 or int8</source>
        <translation>--model und --data sind nötig; --precision ist fp32 oder int8</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--max-images needs a number of 0 or more</source>
        <translation>--max-images braucht eine Zahl ab 0</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>skipped %1</source>
        <translation>übersprungen: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 images of the %2 split scored, %3 skipped as unreadable, %4</source>
        <translation>%1 Bilder des Teils %2 bewertet, %3 als unlesbar übersprungen, %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>length ratio %1 (caption words per closest reference word)</source>
        <translation>Längenverhältnis %1 (Wörter der Beschreibung je Wort der nächstlangen Referenz)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>captions ending in a function word: %1%</source>
        <translation>Beschreibungen, die auf ein Funktionswort enden: %1 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>attention hit rate %1 (%2 of %3 object nouns)</source>
        <translation>Trefferquote der Aufmerksamkeit %1 (%2 von %3 Objektnomen)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>stored in %1: %2</source>
        <translation>gespeichert in %1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>confidence: %1</source>
        <translation>Sicherheit: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>confidence: the model has no calibration (add one with --calibrate)</source>
        <translation>Sicherheit: das Modell hat keine Kalibrierung (mit --calibrate hinzufügen)</translation>
    </message>
    <message>
        <location filename="../app/cli/evalcommand.h" line="+13"/>
        <source>Score a model on a dataset split.</source>
        <translation>Ein Modell auf einem Teil eines Datensatzes bewerten.</translation>
    </message>
</context>
<context>
    <name>ImageFiles</name>
    <message>
        <location filename="../app/gui/imagefiles.cpp" line="+12"/>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
</context>
<context>
    <name>ImportSeedCommand</name>
    <message>
        <location filename="../app/cli/importseedcommand.cpp" line="+17"/>
        <source>Reads pretrained_weights.pt (a state_dict or a trainer checkpoint) and vocab_mapper.pkl without running any code from them.</source>
        <translation>Liest pretrained_weights.pt (ein state_dict oder einen Trainings-Checkpoint) und vocab_mapper.pkl, ohne Code daraus auszuführen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The torch.save file of the Python model (pretrained_weights.pt).</source>
        <translation>Die torch.save-Datei des Python-Modells (pretrained_weights.pt).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The pickled VocabMapper (vocab_mapper.pkl).</source>
        <translation>Der gepickelte VocabMapper (vocab_mapper.pkl).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model file to write.</source>
        <translation>Die zu schreibende Modelldatei.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--weights, --vocab and --out are required</source>
        <translation>--weights, --vocab und --out sind nötig</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Python Snaption model %1 with vocabulary %2</source>
        <translation>Python-Snaption-Modell %1 mit Vokabular %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote %1: original Snaption architecture, %2 parameters, %3 words.</source>
        <translation>%1 geschrieben: ursprüngliche Snaption-Architektur, %2 Parameter, %3 Wörter.</translation>
    </message>
    <message>
        <location filename="../app/cli/importseedcommand.h" line="+12"/>
        <source>Import a model of the original Python Snaption.</source>
        <translation>Ein Modell des ursprünglichen Python-Snaption importieren.</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../app/cli/infocommand.cpp" line="+18"/>
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model file.</source>
        <translation>Die Modelldatei.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give exactly one model file</source>
        <translation>genau eine Modelldatei angeben</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Model file:      %1</source>
        <translation>Modelldatei:     %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Architecture:    %1</source>
        <translation>Architektur:     %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder:         %1, %2 px input, %3 memory tokens</source>
        <translation>Encoder:         %1, Eingabe %2 px, %3 Speicher-Tokens</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Decoder:         %1 layers, width %2, %3 heads, feed-forward %4, %5 activation, context %6</source>
        <translation>Decoder:         %1 Schichten, Breite %2, %3 Köpfe, Feed-Forward %4, Aktivierung %5, Kontext %6</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Parameters:      %1 (%2 storage)</source>
        <translation>Parameter:       %1 (gespeichert als %2)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vocabulary:      %1 tokens</source>
        <translation>Vokabular:       %1 Tokens</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Vocabulary:      %1 subword pieces (SentencePiece)</source>
        <translation>Vokabular:       %1 Wortteile (SentencePiece)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Captions in:     %1</source>
        <translation>Sprache:         %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confidence:      %1</source>
        <translation>Sicherheit:      %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not calibrated</source>
        <translation>nicht kalibriert</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Provenance:      %1: %2</source>
        <translation>Herkunft:        %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/infocommand.h" line="+12"/>
        <source>Describe a model file.</source>
        <translation>Eine Modelldatei beschreiben.</translation>
    </message>
</context>
<context>
    <name>InitModelCommand</name>
    <message>
        <location filename="../app/cli/initmodelcommand.cpp" line="+42"/>
        <source>Image encoder: efficientnet_b0 (default) or mobilenet_v2.</source>
        <translation>Bild-Encoder: efficientnet_b0 (Standard) oder mobilenet_v2.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+7"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Start from pretrained encoder weights (.safetensors, torch.save .pth, TFLite MobileNetV2); they also choose the encoder.</source>
        <translation>Mit vortrainierten Encoder-Gewichten beginnen (.safetensors, torch.save .pth, TFLite-MobileNetV2); sie bestimmen auch den Encoder.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoder layers (default 6).</source>
        <translation>Decoder-Schichten (Standard 6).</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+1"/>
        <location line="+2"/>
        <location line="+2"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Decoder width (default 512).</source>
        <translation>Decoder-Breite (Standard 512).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention heads (default 16).</source>
        <translation>Aufmerksamkeitsköpfe (Standard 16).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed-forward size (default 1024).</source>
        <translation>Größe der Feed-Forward-Schicht (Standard 1024).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Context length in tokens, &lt;START&gt; included (default 20).</source>
        <translation>Kontextlänge in Tokens, einschließlich &lt;START&gt; (Standard 20).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Build the vocabulary from a text file, one caption per line.</source>
        <translation>Das Vokabular aus einer Textdatei bilden, eine Beschreibung je Zeile.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out words seen fewer times (default 1).</source>
        <translation>Seltener gesehene Wörter auslassen (Standard 1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>With --vocab-from-captions: learn a subword vocabulary of this many pieces (SentencePiece) instead of words.</source>
        <translation>Mit --vocab-from-captions: ein Wortteil-Vokabular mit so vielen Teilen lernen (SentencePiece) statt Wörtern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use a vocabulary file (a JSON list of tokens).</source>
        <translation>Eine Vokabulardatei verwenden (eine JSON-Liste von Tokens).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The captions&apos; language (BCP 47: en, de; default en). With --vocab-from-captions, each word&apos;s written form (&quot;Hund&quot;) is learnt from the captions too.</source>
        <translation>Die Sprache der Beschreibungen (BCP 47: en, de; Vorgabe en). Mit --vocab-from-captions wird auch die Schreibweise jedes Worts („Hund“) aus den Beschreibungen gelernt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>tag</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed (default 0).</source>
        <translation>Zufallsstartwert (Standard 0).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight storage: f32 (default) or f16 (half the size).</source>
        <translation>Speicherung der Gewichte: f32 (Standard) oder f16 (halbe Größe).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The model file to write.</source>
        <translation>Die zu schreibende Modelldatei.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--out is required</source>
        <translation>--out fehlt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>give exactly one of --vocab and --vocab-from-captions</source>
        <translation>genau eines von --vocab und --vocab-from-captions angeben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--subword-pieces needs --vocab-from-captions and a number of at least 32</source>
        <translation>--subword-pieces braucht --vocab-from-captions und eine Zahl von mindestens 32</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--storage must be f32 or f16</source>
        <translation>--storage muss f32 oder f16 sein</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>--layers, --dim, --heads, --ff, --context and --seed need whole numbers</source>
        <translation>--layers, --dim, --heads, --ff, --context und --seed brauchen ganze Zahlen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--language needs a language tag such as en or de, not &quot;%1&quot;</source>
        <translation>--language braucht ein Sprachkürzel wie en oder de, nicht „%1“</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--out %1 is one of the inputs; choose another file for the model</source>
        <translation>--out %1 ist eine der Eingaben; bitte eine andere Datei für das Modell wählen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>random initialisation (seed %1)</source>
        <translation>zufällige Initialisierung (Startwert %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wrote %1: %2 + %3 decoder layers, %4 parameters, %5 subword pieces.</source>
        <translation>%1 geschrieben: %2 + %3 Decoder-Schichten, %4 Parameter, %5 Wortteile.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote %1: %2 + %3 decoder layers, %4 parameters, %5 words.</source>
        <translation>%1 geschrieben: %2 + %3 Decoder-Schichten, %4 Parameter, %5 Wörter.</translation>
    </message>
    <message>
        <location filename="../app/cli/initmodelcommand.h" line="+12"/>
        <source>Create a randomly initialised model file.</source>
        <translation>Eine zufällig initialisierte Modelldatei anlegen.</translation>
    </message>
</context>
<context>
    <name>LocalRanks</name>
    <message>
        <location filename="../app/cli/localranks.cpp" line="+63"/>
        <source>--nproc: no free local port for the ranks to meet on</source>
        <translation>--nproc: kein freier lokaler Port, über den sich die Ränge verbinden können</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>--nproc: rank %1 did not start: %2</source>
        <translation>--nproc: Rang %1 startete nicht: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>rank %1 ended abnormally (killed by a signal)</source>
        <translation>Rang %1 endete abnormal (durch ein Signal beendet)</translation>
    </message>
</context>
<context>
    <name>MetadataArguments</name>
    <message>
        <location filename="../app/cli/metadataarguments.cpp" line="+18"/>
        <source>Write each caption into the photo&apos;s metadata: a comma-separated list of description, alt-text, extended, exif, iptc (e.g. description,alt-text).</source>
        <translation>Jede Bildbeschreibung in die Metadaten des Fotos schreiben: eine durch Kommas getrennte Liste aus description, alt-text, extended, exif, iptc (z. B. description,alt-text).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write an XMP sidecar (photo.jpg.xmp) instead of changing the photo.</source>
        <translation>Eine XMP-Begleitdatei (photo.jpg.xmp) schreiben, statt das Foto zu ändern.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The sidecar&apos;s name: photo.jpg.xmp (default) or photo.xmp.</source>
        <translation>Name der Begleitdatei: photo.jpg.xmp (Standard) oder photo.xmp.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>style</source>
        <translation>Form</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Leave photos that hold any description alone (they are not captioned).</source>
        <translation>Fotos mit irgendeiner Beschreibung unverändert lassen (sie werden nicht beschrieben).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace captions Snaption wrote earlier (a person&apos;s description stays).</source>
        <translation>Früher von Snaption geschriebene Beschreibungen ersetzen (die Beschreibung eines Menschen bleibt).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace a person&apos;s description too.</source>
        <translation>Auch die Beschreibung eines Menschen ersetzen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The undo journal (JSON Lines; default: one per command in the data folder).</source>
        <translation>Das Journal zum Rückgängigmachen (JSON Lines; Standard: eines je Befehl im Datenordner).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give written photos the current modification time (default: keep theirs).</source>
        <translation>Geschriebenen Fotos die aktuelle Änderungszeit geben (Standard: ihre behalten).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>tag</source>
        <translation>Kennung</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The captions&apos; language tag (default: the model&apos;s caption language).</source>
        <translation>Sprachkürzel der Beschreibungen (Vorgabe: die Beschreibungssprache des Modells).</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>--write-metadata takes a comma-separated list of description, alt-text, extended, exif and iptc</source>
        <translation>--write-metadata erwartet eine durch Kommas getrennte Liste aus description, alt-text, extended, exif und iptc</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--sidecar-name is photo.jpg.xmp or photo.xmp</source>
        <translation>--sidecar-name ist photo.jpg.xmp oder photo.xmp</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>an XMP sidecar holds no Exif or IPTC fields: leave out exif and iptc, or --sidecar</source>
        <translation>eine XMP-Begleitdatei enthält keine Exif- oder IPTC-Felder: exif und iptc weglassen oder --sidecar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--skip-described and --overwrite contradict each other</source>
        <translation>--skip-described und --overwrite widersprechen sich</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>--language takes a language tag such as en or de-DE</source>
        <translation>--language erwartet eine Sprachkennung wie en oder de-DE</translation>
    </message>
</context>
<context>
    <name>MetadataCommand</name>
    <message>
        <location filename="../app/cli/metadatacommand.cpp" line="+66"/>
        <source>Usage: snaption-cli metadata show [--json] IMAGE...
       snaption-cli metadata restore JOURNAL

show     what each photo&apos;s metadata holds, and which of it came from Snaption
restore  put back what a run&apos;s journal says was there before
</source>
        <translation>Aufruf: snaption-cli metadata show [--json] BILD...
        snaption-cli metadata restore JOURNAL

show     was die Metadaten jedes Fotos enthalten und was davon von Snaption stammt
restore  wiederherstellen, was laut Journal eines Laufs vorher da war
</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>metadata needs show or restore (see snaption-cli metadata --help)</source>
        <translation>metadata braucht show oder restore (siehe snaption-cli metadata --help)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What each photo&apos;s metadata holds, and which of it came from Snaption.</source>
        <translation>Was die Metadaten jedes Fotos enthalten und was davon von Snaption stammt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Print one JSON object per image and line.</source>
        <translation>Ein JSON-Objekt je Bild und Zeile ausgeben.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image files or folders.</source>
        <translation>Bilddateien oder Ordner.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>IMAGE...</source>
        <translation>BILD...</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no images given (or the folders hold none)</source>
        <translation>keine Bilder angegeben (oder die Ordner enthalten keine)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>  no description</source>
        <translation>  keine Beschreibung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> [Snaption]</source>
        <translation> [Snaption]</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>  %1: %2%3</source>
        <translation>  %1: %2%3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  Snaption: model %1 (%2), score %3, %4%5</source>
        <translation>  Snaption: Modell %1 (%2), Bewertung %3, %4%5</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>, edited by a person</source>
        <translation>, von einem Menschen bearbeitet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Put back what a run&apos;s journal says the photos held before (and remove the sidecars it created).</source>
        <translation>Wiederherstellen, was die Fotos laut Journal eines Laufs vorher enthielten (und die von ihm angelegten Begleitdateien entfernen).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The journal of the run to undo.</source>
        <translation>Das Journal des Laufs, der rückgängig gemacht werden soll.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>JOURNAL</source>
        <translation>JOURNAL</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>give exactly one journal</source>
        <translation>genau ein Journal angeben</translation>
    </message>
    <message numerus="yes">
        <location line="+14"/>
        <source>%n line(s) of the journal are not records (a run stopped mid-line?) and are ignored</source>
        <translation>
            <numerusform>%n Zeile des Journals ist kein Eintrag (ein mitten in der Zeile abgebrochener Lauf?) und wird übergangen</numerusform>
            <numerusform>%n Zeilen des Journals sind keine Einträge (ein mitten in der Zeile abgebrochener Lauf?) und werden übergangen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored %1 file(s); %2 left as they are (changed since); %3 with nothing to undo; %4 failed.</source>
        <translation>%1 Datei(en) wiederhergestellt; %2 unverändert gelassen (seitdem geändert); %3 ohne etwas rückgängig zu machen; %4 fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../app/cli/metadatacommand.h" line="+13"/>
        <source>Show the captions photos hold, or undo a run (show | restore).</source>
        <translation>Die Beschreibungen in Fotos zeigen oder einen Lauf rückgängig machen (show | restore).</translation>
    </message>
</context>
<context>
    <name>MetadataText</name>
    <message>
        <location filename="../app/common/metadatatext.cpp" line="+12"/>
        <source>description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>alt text</source>
        <translation>Alternativtext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>extended description</source>
        <translation>erweiterte Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exif description</source>
        <translation>Exif-Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>IPTC caption</source>
        <translation>IPTC-Bildunterschrift</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the file is not there</source>
        <translation>die Datei ist nicht da</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not a file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is read-only (a sidecar can hold the caption)</source>
        <translation>die Datei ist schreibgeschützt (eine Begleitdatei kann die Beschreibung aufnehmen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this format cannot hold the caption (a sidecar can)</source>
        <translation>dieses Format kann die Beschreibung nicht aufnehmen (eine Begleitdatei schon)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file is damaged</source>
        <translation>die Datei ist beschädigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk is full</source>
        <translation>der Datenträger ist voll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file could not be written</source>
        <translation>die Datei konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>what was read back differs from what was written</source>
        <translation>das Zurückgelesene weicht vom Geschriebenen ab</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it changed since Snaption wrote it</source>
        <translation>sie wurde geändert, seit Snaption sie geschrieben hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>another run is using the journal</source>
        <translation>ein anderer Lauf benutzt das Journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the journal could not be written</source>
        <translation>das Journal konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>a person&apos;s description is kept</source>
        <translation>die Beschreibung eines Menschen bleibt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>captioned by Snaption already</source>
        <translation>schon von Snaption beschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>captioned by this model already</source>
        <translation>schon von diesem Modell beschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>described already</source>
        <translation>schon beschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>written by an earlier run</source>
        <translation>von einem früheren Lauf geschrieben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>restored</source>
        <translation>wiederhergestellt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>nothing to undo (never written, or restored already)</source>
        <translation>nichts rückgängig zu machen (nie geschrieben oder schon wiederhergestellt)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>left as it is: it changed since Snaption wrote it</source>
        <translation>unverändert gelassen: sie wurde geändert, seit Snaption sie geschrieben hat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>ProgressLine</name>
    <message>
        <location filename="../app/cli/progressline.cpp" line="+34"/>
        <source>%1 / %2 images  %3 images/s</source>
        <translation>%1 / %2 Bilder  %3 Bilder/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>  ETA %1</source>
        <translation>  fertig in %1</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../widgets/src/modelcatalog.cpp" line="+22"/>
        <source>The model catalog is not valid: %1</source>
        <translation>Der Modellkatalog ist ungültig: %1</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Cannot read the model catalog %1: %2</source>
        <translation>Der Modellkatalog %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>SynthCommand</name>
    <message>
        <location filename="../app/cli/synthcommand.cpp" line="+21"/>
        <source>The folder to write.</source>
        <translation>Der zu schreibende Ordner.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many scenes (default 100).</source>
        <translation>Wie viele Szenen (Standard 100).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random seed (default 0).</source>
        <translation>Zufallsstartwert (Standard 0).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image width and height in pixels (default 128).</source>
        <translation>Breite und Höhe der Bilder in Pixeln (Standard 128).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>pixels</source>
        <translation>Pixel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>--out is required; --count is 1 to %1, --size 32 to 1024 pixels, --seed a number</source>
        <translation>--out fehlt; --count ist 1 bis %1, --size 32 bis 1024 Pixel, --seed eine Zahl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Wrote %1 scenes to %2</source>
        <translation>%1 Szenen nach %2 geschrieben</translation>
    </message>
    <message>
        <location filename="../app/cli/synthcommand.h" line="+12"/>
        <source>Write synthetic scenes (images, captions, object boxes).</source>
        <translation>Synthetische Szenen schreiben (Bilder, Beschreibungen, Objektrahmen).</translation>
    </message>
</context>
<context>
    <name>TrainCommand</name>
    <message>
        <location filename="../app/cli/traincommand.cpp" line="+55"/>
        <source>  %1 of %2</source>
        <translation>  %1 von %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>, attention hit rate %1</source>
        <translation>, Trefferquote der Aufmerksamkeit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>, best so far</source>
        <translation>, bisher die beste</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Dataset: a Flickr8k folder, COCO or Karpathy JSON, a folder of captioned images, or &quot;synthetic&quot;.</source>
        <translation>Datensatz: ein Flickr8k-Ordner, COCO- oder Karpathy-JSON, ein Ordner beschriebener Bilder oder „synthetic“.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset format: auto (default), flickr8k, coco, karpathy, folder, synthetic.</source>
        <translation>Format des Datensatzes: auto (Standard), flickr8k, coco, karpathy, folder, synthetic.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from a preset (see --list-presets).</source>
        <translation>Mit einer Voreinstellung beginnen (siehe --list-presets).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the presets and exit.</source>
        <translation>Die Voreinstellungen auflisten und beenden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrained encoder weights (.safetensors, .pth, TFLite MobileNetV2).</source>
        <translation>Vortrainierte Encoder-Gewichte (.safetensors, .pth, TFLite-MobileNetV2).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Start from a trained model: its weights, vocabulary and language (the cider objective needs one).</source>
        <translation>Von einem trainierten Modell ausgehen: seine Gewichte, sein Wortschatz und seine Sprache (das Ziel cider braucht eines).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON file (or text) with settings that override the preset.</source>
        <translation>JSON-Datei (oder -Text) mit Einstellungen, die die Voreinstellung überschreiben.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>json</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wall-time budget for the whole run.</source>
        <translation>Zeitbudget für den ganzen Lauf.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of epochs.</source>
        <translation>Zahl der Epochen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+7"/>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Random seed.</source>
        <translation>Zufallsstartwert.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Train data-parallel with N processes on this machine (launchers such as torchrun or srun set RANK and WORLD_SIZE instead).</source>
        <translation>Datenparallel mit N Prozessen auf diesem Rechner trainieren (Starter wie torchrun oder srun setzen stattdessen RANK und WORLD_SIZE).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Data-parallel runs: a rank that does not answer for this long ends the run on every rank (default 60).</source>
        <translation>Datenparallele Läufe: Ein Rang, der so lange nicht antwortet, beendet den Lauf auf allen Rängen (Standard 60).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>--data and --out are required (or --resume CHECKPOINT)</source>
        <translation>--data und --out fehlen (oder --resume CHECKPOINT)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--preset cannot be combined with --resume: a resumed run keeps its checkpoint&apos;s settings</source>
        <translation>--preset lässt sich nicht mit --resume verbinden: ein fortgesetzter Lauf behält die Einstellungen seines Checkpoints</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>--nproc needs a number from 1 to 64</source>
        <translation>--nproc braucht eine Zahl von 1 bis 64</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>--nproc cannot start ranks inside a launched run (RANK and WORLD_SIZE are set)</source>
        <translation>--nproc kann in einem gestarteten Lauf keine Ränge starten (RANK und WORLD_SIZE sind gesetzt)</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>resume: --%1 %2 instead of the checkpoint&apos;s %3</source>
        <translation>Fortsetzen: --%1 %2 statt %3 aus dem Checkpoint</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Resuming %1 (%2 epochs done): data %3, output %4</source>
        <translation>Setze %1 fort (%2 Epochen fertig): Daten %3, Ausgabe %4</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Data parallel: %1 ranks; gradients averaged per step: %2 MB in %3 ms (rank 0)</source>
        <translation>Datenparallel: %1 Ränge; pro Schritt gemittelte Gradienten: %2 MB in %3 ms (Rang 0)</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n unreadable image(s) skipped (listed in history.json).</source>
        <translation>
            <numerusform>%n unlesbares Bild übersprungen (in history.json aufgeführt).</numerusform>
            <numerusform>%n unlesbare Bilder übersprungen (in history.json aufgeführt).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped after %1 steps. Continue with: snaption-cli train --resume %2</source>
        <translation>Nach %1 Schritten angehalten. Weiter mit: snaption-cli train --resume %2</translation>
    </message>
    <message>
        <location line="-178"/>
        <source>checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location line="-125"/>
        <source> reward %1 greedy %2</source>
        <translation> Belohnung %1 greedy %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epoch %1 step %2/%3 loss %4%5 lr %6 %7 samples/s ETA %8</source>
        <translation>Epoche %1 Schritt %2/%3 Verlust %4%5 LR %6 %7 Beispiele/s Rest %8</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>, mean reward %1, greedy reward %2</source>
        <translation>, mittlere Belohnung %1, Belohnung greedy %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>epoch %1: train loss %2%3, validation loss %4, BLEU-4 %5, CIDEr-D %6, ending in a function word %7%8%9 (%10)</source>
        <translation>Epoche %1: Trainingsverlust %2%3, Validierungsverlust %4, BLEU-4 %5, CIDEr-D %6, Ende auf Funktionswort %7%8%9 (%10)</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Continue from a checkpoint: its data, settings and output folder are used unless given here.</source>
        <translation>Von einem Checkpoint aus weitertrainieren: seine Daten, Einstellungen und sein Ausgabeordner gelten, sofern hier nichts anderes angegeben ist.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output folder (models, checkpoints, history).</source>
        <translation>Ausgabeordner (Modelle, Checkpoints, Verlauf).</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Done in %1: %2 epochs. Best model on %3 validation images: BLEU-1 %4, BLEU-4 %5, CIDEr-D %6.</source>
        <translation>Fertig in %1: %2 Epochen. Bestes Modell auf %3 Validierungsbildern: BLEU-1 %4, BLEU-4 %5, CIDEr-D %6.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Confidence: %1</source>
        <translation>Sicherheit: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Models: %1, %2</source>
        <translation>Modelle: %1, %2</translation>
    </message>
    <message>
        <location filename="../app/cli/traincommand.h" line="+21"/>
        <source>Train a captioning model.</source>
        <translation>Ein Modell zur Bildbeschreibung trainieren.</translation>
    </message>
</context>
<context>
    <name>Trainer</name>
    <message>
        <location filename="../training/src/trainer.cpp" line="+303"/>
        <source>preparing %1</source>
        <translation>%1 wird vorbereitet</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>resume: %1</source>
        <translation>Fortsetzen: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>learning a subword vocabulary of %1 pieces</source>
        <translation>lerne ein Wortteil-Vokabular mit %1 Teilen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>vocabulary: %1 subword pieces</source>
        <translation>Vokabular: %1 Wortteile</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>vocabulary: %1 tokens (words seen at least %n time(s))</source>
        <translation>
            <numerusform>Vokabular: %1 Tokens (Wörter, die mindestens %n-mal vorkommen)</numerusform>
            <numerusform>Vokabular: %1 Tokens (Wörter, die mindestens %n-mal vorkommen)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>starting from %1</source>
        <translation>Ausgangsmodell: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>caption language: %1, the model&apos;s (not %2)</source>
        <translation>Sprache der Beschreibungen: %1, die des Modells (nicht %2)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>copied the best model so far (epoch %1) from %2</source>
        <translation>bisher bestes Modell (Epoche %1) aus %2 kopiert</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the best model so far (epoch %1) is not in %2: the next finished epoch&apos;s model becomes the best</source>
        <translation>das bisher beste Modell (Epoche %1) ist nicht in %2: das Modell der nächsten abgeschlossenen Epoche wird das beste</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the best model so far (epoch %1) is not in %2 or %3: the next finished epoch&apos;s model becomes the best</source>
        <translation>das bisher beste Modell (Epoche %1) ist weder in %2 noch in %3: das Modell der nächsten abgeschlossenen Epoche wird das beste</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the encoder&apos;s weights come from %1; %2 is not used</source>
        <translation>die Gewichte des Encoders stammen aus %1; %2 wird nicht verwendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>encoder: %1</source>
        <translation>Encoder: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>warning: the encoder is frozen but starts from random weights</source>
        <translation>Warnung: der Encoder ist eingefroren, beginnt aber mit zufälligen Gewichten</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>skipped an unreadable image: %1 (%2)</source>
        <translation>unlesbares Bild übersprungen: %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>skipping more unreadable images (all are listed in history.json)</source>
        <translation>weitere unlesbare Bilder werden übersprungen (alle stehen in history.json)</translation>
    </message>
    <message numerus="yes">
        <location line="+59"/>
        <source>computing encoder features of %1 training images (%n view(s) each)</source>
        <translation>
            <numerusform>Encoder-Merkmale von %1 Trainingsbildern werden berechnet (je %n Ansicht)</numerusform>
            <numerusform>Encoder-Merkmale von %1 Trainingsbildern werden berechnet (je %n Ansichten)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>computing encoder features of %1 validation images</source>
        <translation>Encoder-Merkmale von %1 Validierungsbildern werden berechnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>checking that the images can be read</source>
        <translation>die Lesbarkeit der Bilder wird geprüft</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>unreadable images skipped: %n; training uses %1 of %2 training images</source>
        <translation>
            <numerusform>übersprungene unlesbare Bilder: %n; das Training nutzt %1 von %2 Trainingsbildern</numerusform>
            <numerusform>übersprungene unlesbare Bilder: %n; das Training nutzt %1 von %2 Trainingsbildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <source>self-critical training: %1 captions per image sampled at temperature %2, rewarded by CIDEr-D</source>
        <translation>selbstkritisches Training: %1 Beschreibungen je Bild, gezogen bei Temperatur %2, belohnt mit CIDEr-D</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>scoring epoch %1</source>
        <translation>Epoche %1 wird bewertet</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>writing checkpoint %1</source>
        <translation>Checkpoint %1 wird geschrieben</translation>
    </message>
    <message numerus="yes">
        <location line="+96"/>
        <source>time budget: training %1 of %n epoch(s) (%2 ms per step)</source>
        <translation>
            <numerusform>Zeitbudget: Training von %1 der %n Epoche (%2 ms je Schritt)</numerusform>
            <numerusform>Zeitbudget: Training von %1 der %n Epochen (%2 ms je Schritt)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+129"/>
        <location line="+69"/>
        <source>time budget reached: stopping training</source>
        <translation>Zeitbudget erreicht: das Training wird beendet</translation>
    </message>
    <message>
        <location line="-38"/>
        <source>rank %1 of %2: joining the run at %3</source>
        <translation>Rang %1 von %2: tritt dem Lauf bei %3 bei</translation>
    </message>
    <message numerus="yes">
        <location line="+110"/>
        <source>early stopping: no better %1 for %n epoch(s)</source>
        <translation>
            <numerusform>vorzeitiges Ende: seit %n Epoche kein besserer Wert für %1</numerusform>
            <numerusform>vorzeitiges Ende: seit %n Epochen kein besserer Wert für %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+15"/>
        <source>confidence: %1% of the validation captions are marked unsure (mean CIDEr-D %2, confident ones %3)</source>
        <translation>Sicherheit: %1 % der Validierungsbeschreibungen sind als unsicher markiert (mittlerer CIDEr-D %2, sichere %3)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>confidence: the caption scores do not single out poor captions; no caption will be marked unsure</source>
        <translation>Sicherheit: die Bewertungen der Beschreibungen heben schwache nicht hervor; keine Beschreibung wird als unsicher markiert</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>stopped: resume with %1</source>
        <translation>angehalten: fortsetzen mit %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>writing the final model</source>
        <translation>das Endmodell wird geschrieben</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>scoring the best model on all %1 validation images</source>
        <translation>das beste Modell wird auf allen %1 Validierungsbildern bewertet</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>second stage: CIDEr-D, self-critical, from the model of epoch %1, up to %2 more epochs</source>
        <translation>zweite Stufe: CIDEr-D, selbstkritisch, vom Modell aus Epoche %1, bis zu %2 weitere Epochen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>data parallel: %1 shards of the training images, %2 per rank; %3 images per step</source>
        <translation>datenparallel: %1 Teile der Trainingsbilder, %2 je Rang; %3 Bilder pro Schritt</translation>
    </message>
    <message>
        <location line="-102"/>
        <location line="+31"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>decoder matrix products in bfloat16 (mixed_precision &quot;%1&quot;)</source>
        <translation>Matrixprodukte des Decoders in bfloat16 (mixed_precision „%1“)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>resuming at epoch %1, step %2</source>
        <translation>Fortsetzung bei Epoche %1, Schritt %2</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>training on %1 images, %n step(s) per epoch</source>
        <translation>
            <numerusform>Training mit %1 Bildern, %n Schritt je Epoche</numerusform>
            <numerusform>Training mit %1 Bildern, %n Schritte je Epoche</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../training/src/runfolder.cpp" line="+38"/>
        <source>an earlier run (%1) ended without releasing %2</source>
        <translation>ein früherer Lauf (%1) endete, ohne %2 freizugeben</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>removed %n temporary file(s) (%1) left by an interrupted run</source>
        <translation>
            <numerusform>%n temporäre Datei (%1) eines abgebrochenen Laufs entfernt</numerusform>
            <numerusform>%n temporäre Dateien (%1) eines abgebrochenen Laufs entfernt</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingConfig</name>
    <message>
        <location filename="../training/src/trainingconfig.cpp" line="+44"/>
        <source>Synthetic demo — about a minute</source>
        <translation>Synthetische Demo – etwa eine Minute</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synthetic scenes — accurate, 5 minutes</source>
        <translation>Synthetische Szenen – genau, 5 Minuten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flickr8k, frozen MobileNetV2</source>
        <translation>Flickr8k, eingefrorenes MobileNetV2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flickr8k, CIDEr fine-tuning of a trained model</source>
        <translation>Flickr8k, CIDEr-Feinabstimmung eines trainierten Modells</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flickr8k in German, frozen MobileNetV2</source>
        <translation>Flickr8k auf Deutsch, eingefrorenes MobileNetV2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flickr8k, frozen EfficientNet-B0</source>
        <translation>Flickr8k, eingefrorenes EfficientNet-B0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Flickr8k, the original project&apos;s recipe</source>
        <translation>Flickr8k, das Rezept des ursprünglichen Projekts</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Generated shapes; a small model trained from scratch in about a minute, no downloads. Rough captions.</source>
        <translation>Erzeugte Formen; ein kleines Modell, in etwa einer Minute von Grund auf trainiert, ohne Downloads. Grobe Beschreibungen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Generated shapes; a small model trained from scratch in up to 5 minutes, with accurate captions and attention.</source>
        <translation>Erzeugte Formen; ein kleines Modell, in bis zu 5 Minuten von Grund auf trainiert, mit genauen Beschreibungen und Attention.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flickr8k photos with a frozen pretrained MobileNetV2 (e.g. the TFLite file): 3 decoder layers, 49 image regions; about an hour.</source>
        <translation>Flickr8k-Fotos mit einem eingefrorenen vortrainierten MobileNetV2 (z. B. der TFLite-Datei): 3 Decoder-Schichten, 49 Bildregionen; etwa eine Stunde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second stage for a model trained with Flickr8k, frozen MobileNetV2: self-critical training that optimises CIDEr-D directly, five sampled captions per photo; up to 30 minutes.</source>
        <translation>Zweite Stufe für ein mit „Flickr8k, eingefrorenes MobileNetV2“ trainiertes Modell: selbstkritisches Training, das CIDEr-D direkt optimiert, fünf gezogene Beschreibungen je Foto; bis zu 30 Minuten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>German captions of the Flickr8k photos (Flickr8k.de.token.txt) with a frozen pretrained MobileNetV2, then self-critical CIDEr-D training of the best model in the same run: captions in German; up to an hour.</source>
        <translation>Deutsche Beschreibungen der Flickr8k-Fotos (Flickr8k.de.token.txt) mit einem eingefrorenen, vortrainierten MobileNetV2, danach selbstkritisches CIDEr-D-Training des besten Modells im selben Lauf: Bildbeschreibungen auf Deutsch; bis zu einer Stunde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flickr8k photos with a frozen pretrained EfficientNet-B0 (timm or torchvision weights): 3 decoder layers.</source>
        <translation>Flickr8k-Fotos mit einem eingefrorenen vortrainierten EfficientNet-B0 (Gewichte von timm oder torchvision): 3 Decoder-Schichten.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The original Python project&apos;s architecture: one pooled image vector, 6 decoder layers, width 512, 16 heads.</source>
        <translation>Die Architektur des ursprünglichen Python-Projekts: ein gepoolter Bildvektor, 6 Decoder-Schichten, Breite 512, 16 Köpfe.</translation>
    </message>
</context>
<context>
    <name>UnsureCaption</name>
    <message>
        <location filename="../widgets/src/unsurecaption.cpp" line="+10"/>
        <source>Possibly: %1</source>
        <translation>Möglicherweise: %1</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="+29"/>
        <source>Snaption is running but did not take the images (%1); opening another window.</source>
        <translation>Snaption läuft, hat die Bilder aber nicht übernommen (%1); ein weiteres Fenster wird geöffnet.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Another launch cannot hand images to this window: %1</source>
        <translation>Ein weiterer Start kann diesem Fenster keine Bilder übergeben: %1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Describes images in words and shows where it looked for each word.</source>
        <translation>Beschreibt Bilder in Worten und zeigt, wohin es für jedes Wort geschaut hat.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Displays version information and the optional features built in.</source>
        <translation>Zeigt die Version und die eingebauten optionalen Funktionen an.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The model file to use.</source>
        <translation>Die zu verwendende Modelldatei.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Opens a window of its own even when Snaption is running.</source>
        <translation>Öffnet ein eigenes Fenster, auch wenn Snaption schon läuft.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Captions every image copied in any application (Settings › Watch the Clipboard).</source>
        <translation>Beschreibt jedes Bild, das in einem beliebigen Programm kopiert wird (Einstellungen › Zwischenablage beobachten).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Starts in the system tray without a window (minimised where there is no tray).</source>
        <translation>Startet im Infobereich ohne Fenster (minimiert, wo es keinen Infobereich gibt).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images or folders to caption.</source>
        <translation>Zu beschreibende Bilder oder Ordner.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>[IMAGE|FOLDER...]</source>
        <translation>[BILD|ORDNER...]</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Unexpected Error</source>
        <translation>Unerwarteter Fehler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Something failed unexpectedly: %1

Snaption keeps running.</source>
        <translation>Etwas ist unerwartet fehlgeschlagen: %1

Snaption läuft weiter.</translation>
    </message>
</context>
<context>
    <name>snaption::gui::AugmentTab</name>
    <message>
        <location filename="../app/gui/augmenttab.cpp" line="+40"/>
        <source>&amp;Lock seed</source>
        <translation>Sta&amp;rtwert sperren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reseed</source>
        <translation>&amp;Neu würfeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose I&amp;mages…</source>
        <translation>B&amp;ilder wählen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save &amp;Pipeline…</source>
        <translation>&amp;Pipeline speichern…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>L&amp;oad Pipeline…</source>
        <translation>Pipeline &amp;laden…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pick the images the samples are made from</source>
        <translation>Die Bilder wählen, aus denen die Beispiele entstehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draws new random samples</source>
        <translation>Zieht neue zufällige Beispiele</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keeps the seed, so the samples only change when the pipeline does</source>
        <translation>Behält den Startwert, sodass sich die Beispiele nur ändern, wenn sich die Pipeline ändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes the pipeline as JSON</source>
        <translation>Schreibt die Pipeline als JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads a pipeline from JSON</source>
        <translation>Liest eine Pipeline aus JSON</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>The saved augmentation pipeline could not be read, so the defaults are used: %1</source>
        <translation>Die gespeicherte Augmentierungs-Pipeline konnte nicht gelesen werden, daher gelten die Standardwerte: %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Seed %1</source>
        <translation>Startwert %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>flipped</source>
        <translation>gespiegelt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>crop</source>
        <translation>Ausschnitt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift/scale/rotate</source>
        <translation>verschoben/skaliert/gedreht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>colour jitter</source>
        <translation>Farbvariation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness/contrast</source>
        <translation>Helligkeit/Kontrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>blur</source>
        <translation>Unschärfe</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift x</source>
        <translation>Verschiebung x</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>shift y</source>
        <translation>Verschiebung y</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>angle</source>
        <translation>Winkel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>brightness</source>
        <translation>Helligkeit</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>contrast</source>
        <translation>Kontrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>saturation</source>
        <translation>Sättigung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>hue</source>
        <translation>Farbton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>kernel</source>
        <translation>Kern</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Sample %1</source>
        <translation>Beispiel %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Images for the Preview</source>
        <translation>Bilder für die Vorschau</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Some Images Could Not Be Read</source>
        <translation>Einige Bilder konnten nicht gelesen werden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save Augmentation Pipeline</source>
        <translation>Augmentierungs-Pipeline speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+9"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Load Augmentation Pipeline</source>
        <translation>Augmentierungs-Pipeline laden</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+6"/>
        <source>Load Failed</source>
        <translation>Laden fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>snaption::gui::CaptionSpeaker</name>
    <message>
        <location filename="../app/gui/captionspeaker.cpp" line="+72"/>
        <source>Text-to-speech is not available on this system</source>
        <translation>Sprachausgabe ist auf diesem System nicht verfügbar</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>This build of Snaption cannot speak</source>
        <translation>Diese Snaption-Version kann nicht sprechen</translation>
    </message>
</context>
<context>
    <name>snaption::gui::CaptionTab</name>
    <message>
        <location filename="../app/gui/captiontab.cpp" line="+41"/>
        <source>Cop&amp;y</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(unsure)</source>
        <translation>(unsicher)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Spea&amp;k</source>
        <translation>&amp;Vorlesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption language:</source>
        <translation>Beschreibungssprache:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ncel</source>
        <translation>Abb&amp;rechen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The images to caption, each with its state and caption</source>
        <translation>Die zu beschreibenden Bilder, jedes mit Zustand und Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captioning progress</source>
        <translation>Fortschritt der Beschreibung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stops captioning the images still waiting</source>
        <translation>Beschreibt die noch wartenden Bilder nicht mehr</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>The model is unsure of this caption: on photos with known descriptions, captions it was this unsure of scored less than half as well as the others</source>
        <translation>Das Modell ist sich bei dieser Beschreibung unsicher: Auf Fotos mit bekannten Beschreibungen schnitten so unsichere Beschreibungen weniger als halb so gut ab wie die übrigen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Caption</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct the caption here: the corrected text is what is copied and written to the photo</source>
        <translation>Hier lässt sich die Beschreibung korrigieren: der korrigierte Text wird kopiert und ins Foto geschrieben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Description in the photo</source>
        <translation>Beschreibung im Foto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Drop images here, or open them with Ctrl+O</source>
        <translation>Bilder hierher ziehen oder mit Strg+O öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the caption to the clipboard, for use as alt text</source>
        <translation>Kopiert die Beschreibung in die Zwischenablage, zur Verwendung als Alternativtext</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reads the caption aloud</source>
        <translation>Liest die Beschreibung vor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Play words</source>
        <translation>Wörter abspielen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Steps through the words, showing each one&apos;s heatmap</source>
        <translation>Geht die Wörter durch und zeigt zu jedem die Wärmekarte</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Ca&amp;ption:</source>
        <translation>Bes&amp;chreibung:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The language of the captions, from the installed models</source>
        <translation>Die Sprache der Beschreibungen, aus den installierten Modellen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Heatmap</source>
        <translation>Wärmekarte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decoding</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Captioning %1</source>
        <translation>%1 wird beschrieben</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Captioning %n image(s)</source>
        <translation>
            <numerusform>%n Bild wird beschrieben</numerusform>
            <numerusform>%n Bilder werden beschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Could not caption %1: %2</source>
        <translation>%1 konnte nicht beschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot show %1 again: %2</source>
        <translation>%1 kann nicht erneut gezeigt werden: %2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>%1 of %2 images, %3 images/s</source>
        <translation>%1 von %2 Bildern, %3 Bilder/s</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Captioned %1 images (%2 failed) in %3 s</source>
        <translation>%1 Bilder beschrieben (%2 fehlgeschlagen) in %3 s</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>description “%1”</source>
        <translation>Beschreibung „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>alt text “%1”</source>
        <translation>Alternativtext „%1“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>also as alt text</source>
        <translation>auch als Alternativtext</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In the photo: no description yet</source>
        <translation>Im Foto: noch keine Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In the photo, written by Snaption: %1</source>
        <translation>Im Foto, von Snaption geschrieben: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In the photo, written by a person: %1</source>
        <translation>Im Foto, von einem Menschen geschrieben: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Captioning, please wait…</source>
        <translation>Wird beschrieben, bitte warten …</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not caption this image: %1</source>
        <translation>Dieses Bild konnte nicht beschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Captioning cancelled</source>
        <translation>Beschreiben abgebrochen</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Caption copied</source>
        <translation>Beschreibung kopiert</translation>
    </message>
</context>
<context>
    <name>snaption::gui::DesktopNotifier</name>
    <message>
        <location filename="../app/gui/desktopnotifier.cpp" line="+19"/>
        <source>Desktop notifications need a D-Bus session: %1</source>
        <translation>Desktop-Benachrichtigungen brauchen eine D-Bus-Sitzung: %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Could not post a desktop notification: %1</source>
        <translation>Die Desktop-Benachrichtigung konnte nicht gesendet werden: %1</translation>
    </message>
</context>
<context>
    <name>snaption::gui::GlobalShortcuts</name>
    <message>
        <location filename="../app/gui/globalshortcuts.cpp" line="+46"/>
        <source>Caption the clipboard image</source>
        <translation>Bild aus der Zwischenablage beschreiben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caption the active window</source>
        <translation>Aktives Fenster beschreiben</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>waiting for the desktop to confirm</source>
        <translation>wartet auf die Bestätigung der Arbeitsumgebung</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the desktop did not bind it</source>
        <translation>die Arbeitsumgebung hat es nicht vergeben</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Global shortcuts: %1</source>
        <translation>Globale Tastenkürzel: %1</translation>
    </message>
</context>
<context>
    <name>snaption::gui::GlobalShortcutsDialog</name>
    <message>
        <location filename="../app/gui/globalshortcutsdialog.cpp" line="+16"/>
        <source>Global Shortcuts</source>
        <translation>Globale Tastenkürzel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>These keys reach Snaption from every application. Press the new combination in a field; Clear turns one off.</source>
        <translation>Diese Tasten erreichen Snaption aus jeder Anwendung. Drücken Sie die neue Kombination in einem Feld; Leeren schaltet eine ab.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear the shortcut: %1</source>
        <translation>Tastenkürzel leeren: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Caption the c&amp;lipboard image:</source>
        <translation>Bild aus der &amp;Zwischenablage beschreiben:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Caption the active &amp;window:</source>
        <translation>Aktives &amp;Fenster beschreiben:</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Off.</source>
        <translation>Aus.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Works in every application: %1.</source>
        <translation>Wirkt in jeder Anwendung: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Does not work: %1.</source>
        <translation>Wirkt nicht: %1.</translation>
    </message>
</context>
<context>
    <name>snaption::gui::HistoryTab</name>
    <message>
        <location filename="../app/gui/historytab.cpp" line="+18"/>
        <source>C&amp;opy Caption</source>
        <translation>Beschreibung k&amp;opieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clea&amp;r History</source>
        <translation>Verlauf &amp;leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Descr&amp;ibed images:</source>
        <translation>Beschriebene B&amp;ilder:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captions of copied images, newest first</source>
        <translation>Beschreibungen kopierter Bilder, die neueste zuerst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copies the selected caption to the clipboard</source>
        <translation>Kopiert die ausgewählte Beschreibung in die Zwischenablage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Removes every entry from the history</source>
        <translation>Entfernt alle Einträge aus dem Verlauf</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Caption copied to the clipboard</source>
        <translation>Beschreibung in die Zwischenablage kopiert</translation>
    </message>
</context>
<context>
    <name>snaption::gui::MainWindow</name>
    <message>
        <location filename="../app/gui/mainwindow.cpp" line="+112"/>
        <location line="+57"/>
        <location line="+8"/>
        <source>Snaption</source>
        <translation>Snaption</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>&amp;Caption</source>
        <translation>Be&amp;schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Train</source>
        <translation>&amp;Trainieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Augment</source>
        <translation>A&amp;ugmentieren</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Model in use</source>
        <translation>Verwendetes Modell</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+577"/>
        <source>Clipboard</source>
        <translation>Zwischenablage</translation>
    </message>
    <message>
        <location line="-518"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open Images…</source>
        <translation>Bilder ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;Folder…</source>
        <translation>&amp;Ordner öffnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent &amp;Images</source>
        <translation>&amp;Zuletzt geöffnete Bilder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open &amp;Model…</source>
        <translation>&amp;Modell öffnen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recent Mo&amp;dels</source>
        <translation>Zuletzt geöffnete Mo&amp;delle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Import Python Snaption Model…</source>
        <translation>Python-Snaption-Modell &amp;importieren …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do&amp;wnload Model…</source>
        <translation>Modell &amp;herunterladen …</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Export Captions…</source>
        <translation>Beschreibungen &amp;exportieren …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save Heatmap Overlay…</source>
        <translation>Wärmekarte &amp;speichern …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save Overlays of &amp;All Words…</source>
        <translation>Wärmekarten &amp;aller Wörter speichern …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+S</source>
        <translation>Ctrl+Shift+S</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write Caption Files (.&amp;txt) Next to Images…</source>
        <translation>Beschreibungsdateien (.&amp;txt) neben die Bilder schreiben …</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write to &amp;Photos…</source>
        <translation>In die &amp;Fotos schreiben…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Shift+W</source>
        <translation>Ctrl+Shift+W</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writes the captions into the photos&apos; metadata (description and alt text), or into XMP sidecars</source>
        <translation>Schreibt die Beschreibungen in die Metadaten der Fotos (Beschreibung und Alternativtext) oder in XMP-Begleitdateien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo Last Write to Photos</source>
        <translation>Letztes Schreiben in Fotos &amp;rückgängig machen</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+554"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location line="-552"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy Caption</source>
        <translation>Beschreibung &amp;kopieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+Alt+C</source>
        <translation>Ctrl+Alt+C</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste Image</source>
        <translation>Bild &amp;einfügen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption &amp;Clipboard Image</source>
        <translation>Bild aus der &amp;Zwischenablage beschreiben</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+530"/>
        <source>Ctrl+Shift+C</source>
        <translation>Ctrl+Shift+C</translation>
    </message>
    <message>
        <location line="-529"/>
        <source>Caption Active &amp;Window</source>
        <translation>Aktives &amp;Fenster beschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captions the window in front; with its global shortcut, from any application</source>
        <translation>Beschreibt das Fenster im Vordergrund; mit seinem globalen Tastenkürzel aus jeder Anwendung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption the &amp;Screen</source>
        <translation>Bild&amp;schirm beschreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Caption Screen &amp;Region…</source>
        <translation>Bildschirmbe&amp;reich beschreiben…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;aption All Again</source>
        <translation>Alle &amp;neu beschreiben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>F5</source>
        <translation>F5</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ncel Captioning</source>
        <translation>Beschreiben ab&amp;brechen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;lear Images</source>
        <translation>Bilder &amp;leeren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+1</source>
        <translation>Ctrl+1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next Word</source>
        <translation>&amp;Nächstes Wort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+Right</source>
        <translation>Alt+Right</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous Word</source>
        <translation>&amp;Vorheriges Wort</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alt+Left</source>
        <translation>Alt+Left</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>P&amp;lay Words</source>
        <translation>Wörter ab&amp;spielen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+P</source>
        <translation>Ctrl+P</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Say Word &amp;Confidence</source>
        <translation>&amp;Konfidenz des Worts sagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Say &amp;Training Progress</source>
        <translation>&amp;Trainingsfortschritt sagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+T</source>
        <translation>Ctrl+T</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ctrl+H</source>
        <translation>Ctrl+H</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Fast Decoder (int8 weights)</source>
        <translation>&amp;Schneller Decoder (int8-Gewichte)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About twice as fast; captions may differ slightly from the exact model</source>
        <translation>Etwa doppelt so schnell; Beschreibungen können leicht vom genauen Modell abweichen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Speak Captions Aloud</source>
        <translation>Bildbeschreibungen &amp;vorlesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads each caption aloud when it is ready</source>
        <translation>Liest jede Bildbeschreibung vor, sobald sie fertig ist</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Say When a Caption Is &amp;Uncertain</source>
        <translation>&amp;Unsichere Beschreibungen ansagen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screen readers, speech and notifications say &quot;Possibly:&quot; before captions the model is unsure of</source>
        <translation>Bildschirmleser, Sprachausgabe und Benachrichtigungen sagen „Möglicherweise:“ vor Beschreibungen, bei denen das Modell unsicher ist</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Watch the Clipboard</source>
        <translation>Zwischenablage &amp;beobachten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Captions every image copied in any application; the result goes to the History tab and, while this window is not in front, to a desktop notification</source>
        <translation>Beschreibt jedes Bild, das in einem beliebigen Programm kopiert wird; das Ergebnis kommt in den Verlauf und, solange dieses Fenster nicht im Vordergrund ist, in eine Desktop-Benachrichtigung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Watching the clipboard: every image copied is captioned</source>
        <translation>Die Zwischenablage wird beobachtet: jedes kopierte Bild wird beschrieben</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No longer watching the clipboard</source>
        <translation>Die Zwischenablage wird nicht mehr beobachtet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Speak Results in the &amp;Background</source>
        <translation>Ergebnisse im &amp;Hintergrund vorlesen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reads aloud the captions of copied images and screenshots while this window is not in front</source>
        <translation>Liest die Beschreibungen kopierter Bilder und Bildschirmfotos vor, solange dieses Fenster nicht im Vordergrund ist</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Keep Running in the Tray</source>
        <translation>Im Infobereich &amp;weiterlaufen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closing the window leaves Snaption in the system tray, watching the clipboard and answering its global shortcuts</source>
        <translation>Nach dem Schließen des Fensters bleibt Snaption im Infobereich, beobachtet die Zwischenablage und reagiert auf seine globalen Tastenkürzel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Global Short&amp;cuts…</source>
        <translation>Globale &amp;Tastenkürzel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>System Default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Snaption</source>
        <translation>&amp;Über Snaption</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>No model loaded</source>
        <translation>Kein Modell geladen</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Loading model %1…</source>
        <translation>Modell %1 wird geladen …</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model: %1</source>
        <translation>Modell: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model loaded</source>
        <translation>Modell geladen</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not load the model</source>
        <translation>Das Modell konnte nicht geladen werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot Load Model</source>
        <translation>Modell kann nicht geladen werden</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1

The previous model stays in use.</source>
        <translation>%1

Das bisherige Modell bleibt in Gebrauch.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Could not load %1: %2</source>
        <translation>%1 konnte nicht geladen werden: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No images found</source>
        <translation>Keine Bilder gefunden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <location line="+240"/>
        <source>%n image(s) are waiting for a model.</source>
        <translation>
            <numerusform>%n Bild wartet auf ein Modell.</numerusform>
            <numerusform>%n Bilder warten auf ein Modell.</numerusform>
        </translation>
    </message>
    <message>
        <location line="-221"/>
        <source>Open Images</source>
        <translation>Bilder öffnen</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open Folder of Images</source>
        <translation>Ordner mit Bildern öffnen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open Model</source>
        <translation>Modell öffnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snaption models (*.safetensors)</source>
        <translation>Snaption-Modelle (*.safetensors)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Import: the Python model&apos;s weights</source>
        <translation>Import: die Gewichte des Python-Modells</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PyTorch weights (*.pt *.pth);;All files (*)</source>
        <translation>PyTorch-Gewichte (*.pt *.pth);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import: the vocabulary (vocab_mapper.pkl)</source>
        <translation>Import: das Vokabular (vocab_mapper.pkl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pickles (*.pkl);;All files (*)</source>
        <translation>Pickle-Dateien (*.pkl);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Importing the model…</source>
        <translation>Das Modell wird importiert …</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import cancelled</source>
        <translation>Import abgebrochen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Failed</source>
        <translation>Import fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+9"/>
        <source>Download Model</source>
        <translation>Modell herunterladen</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The model catalog lists no downloadable models yet. Open a model file, import one, or create a demo model instead.</source>
        <translation>Der Modellkatalog nennt noch keine herunterladbaren Modelle. Öffnen Sie stattdessen eine Modelldatei, importieren Sie eines oder erstellen Sie ein Demo-Modell.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Downloading %1…</source>
        <translation>%1 wird heruntergeladen …</translation>
    </message>
    <message>
        <location line="+199"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snaption · Global shortcuts</source>
        <translation>Snaption · Globale Tastenkürzel</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;h3&gt;Snaption %1&lt;/h3&gt;&lt;p&gt;Describes images in words and shows, for every word, where in the image the model looked.&lt;/p&gt;&lt;p&gt;Model: %2&lt;/p&gt;&lt;p&gt;Built with Qt, LibTorch and OpenCV.&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Snaption %1&lt;/h3&gt;&lt;p&gt;Beschreibt Bilder in Worten und zeigt für jedes Wort, wohin im Bild das Modell geschaut hat.&lt;/p&gt;&lt;p&gt;Modell: %2&lt;/p&gt;&lt;p&gt;Erstellt mit Qt, LibTorch und OpenCV.&lt;/p&gt;&lt;p&gt;%3&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="-272"/>
        <location line="+48"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location line="-453"/>
        <source>Caption copied to the clipboard</source>
        <translation>Beschreibung in die Zwischenablage kopiert</translation>
    </message>
    <message>
        <location line="+469"/>
        <source>Download Failed</source>
        <translation>Herunterladen fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No captions to export yet</source>
        <translation>Noch keine Beschreibungen zum Exportieren</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export Captions</source>
        <translation>Beschreibungen exportieren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv);;JSON (*.json)</source>
        <translation>CSV (*.csv);;JSON (*.json)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Exported %n caption(s)</source>
        <translation>
            <numerusform>%n Beschreibung exportiert</numerusform>
            <numerusform>%n Beschreibungen exportiert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save Heatmap Overlay</source>
        <translation>Wärmekarte speichern</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+23"/>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Save Overlays of All Words to Folder</source>
        <translation>Wärmekarten aller Wörter in einen Ordner speichern</translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>Saved %n overlay(s)</source>
        <translation>
            <numerusform>%n Wärmekarte gespeichert</numerusform>
            <numerusform>%n Wärmekarten gespeichert</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No captions to write yet</source>
        <translation>Noch keine Beschreibungen zum Schreiben</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Caption Files Exist</source>
        <translation>Beschreibungsdateien vorhanden</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n image(s) already have a caption file. Overwrite them?</source>
        <translation>
            <numerusform>%n Bild hat schon eine Beschreibungsdatei. Überschreiben?</numerusform>
            <numerusform>%n Bilder haben schon eine Beschreibungsdatei. Überschreiben?</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Some Caption Files Failed</source>
        <translation>Einige Beschreibungsdateien schlugen fehl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote %1 caption files, kept %2 existing ones</source>
        <translation>%1 Beschreibungsdateien geschrieben, %2 vorhandene behalten</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <location line="+10"/>
        <source>The clipboard holds no image</source>
        <translation>Die Zwischenablage enthält kein Bild</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Pasted image %1</source>
        <translation>Eingefügtes Bild %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Captioning, please wait</source>
        <translation>Wird beschrieben, bitte warten</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Global shortcuts: %1</source>
        <translation>Globale Tastenkürzel: %1</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Keep Running?</source>
        <translation>Weiterlaufen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep Snaption running in the system tray when its window closes? It goes on watching the clipboard and answering its global shortcuts.

Settings › Keep Running in the Tray changes this later.</source>
        <translation>Soll Snaption im Infobereich weiterlaufen, wenn sein Fenster geschlossen wird? Es beobachtet dann weiter die Zwischenablage und reagiert auf seine globalen Tastenkürzel.

Einstellungen › Im Infobereich weiterlaufen ändert das später.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Keep Running</source>
        <translation>&amp;Weiterlaufen</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This desktop has no system tray: Snaption runs minimised</source>
        <translation>Diese Arbeitsumgebung hat keinen Infobereich: Snaption läuft minimiert</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>About Snaption</source>
        <translation>Über Snaption</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none</source>
        <translation>keines</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The new language is used from the next start of Snaption.</source>
        <translation>Die neue Sprache gilt ab dem nächsten Start von Snaption.</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Dropped image</source>
        <translation>Abgelegtes Bild</translation>
    </message>
</context>
<context>
    <name>snaption::gui::OutsideImages</name>
    <message>
        <location filename="../app/gui/outsideimages.cpp" line="+25"/>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Could not caption the image: %1</source>
        <translation>Das Bild konnte nicht beschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Snaption · %1</source>
        <translation>Snaption · %1</translation>
    </message>
</context>
<context>
    <name>snaption::gui::PhotoMetadataTask</name>
    <message>
        <location filename="../app/gui/photometadatatask.cpp" line="+34"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location line="+149"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>snaption::gui::PhotoWriteController</name>
    <message>
        <location filename="../app/gui/photowritecontroller.cpp" line="+92"/>
        <location line="+62"/>
        <source>Still writing to photos; wait for it to finish</source>
        <translation>Es wird noch in Fotos geschrieben; bitte warten, bis es fertig ist</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>No captioned photo files to write to (pasted images have none)</source>
        <translation>Keine beschriebenen Fotodateien zum Schreiben (eingefügte Bilder haben keine)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message numerus="yes">
        <location line="+18"/>
        <source>Writing captions to %n photo(s)…</source>
        <translation>
            <numerusform>Beschreibung wird in %n Foto geschrieben…</numerusform>
            <numerusform>Beschreibungen werden in %n Fotos geschrieben…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Wrote the caption into %n photo(s)</source>
        <translation>
            <numerusform>Beschreibung in %n Foto geschrieben</numerusform>
            <numerusform>Beschreibung in %n Fotos geschrieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n left as they were</source>
        <translation>
            <numerusform>; %n unverändert gelassen</numerusform>
            <numerusform>; %n unverändert gelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n failed</source>
        <translation>
            <numerusform>; %n fehlgeschlagen</numerusform>
            <numerusform>; %n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (cancelled)</source>
        <translation> (abgebrochen)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Some Photos Were Not Written</source>
        <translation>Einige Fotos wurden nicht geschrieben</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Nothing to undo</source>
        <translation>Nichts rückgängig zu machen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Putting back what the photos held…</source>
        <translation>Der frühere Inhalt der Fotos wird wiederhergestellt…</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>Put back what %n photo(s) held</source>
        <translation>
            <numerusform>Früheren Inhalt von %n Foto wiederhergestellt</numerusform>
            <numerusform>Früheren Inhalt von %n Fotos wiederhergestellt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n changed since and left as they are</source>
        <translation>
            <numerusform>; %n seitdem geändert und unverändert gelassen</numerusform>
            <numerusform>; %n seitdem geändert und unverändert gelassen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>; %n failed (Undo Last Write tries again)</source>
        <translation>
            <numerusform>; %n fehlgeschlagen (Rückgängig versucht es erneut)</numerusform>
            <numerusform>; %n fehlgeschlagen (Rückgängig versucht es erneut)</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Some Photos Were Not Restored</source>
        <translation>Einige Fotos wurden nicht wiederhergestellt</translation>
    </message>
</context>
<context>
    <name>snaption::gui::PortalGlobalShortcuts</name>
    <message>
        <location filename="../app/gui/portalglobalshortcuts.cpp" line="+92"/>
        <source>this desktop offers no global shortcuts to applications (no GlobalShortcuts portal)</source>
        <translation>diese Arbeitsumgebung bietet Anwendungen keine globalen Tastenkürzel an (kein GlobalShortcuts-Portal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the desktop portal refused (%1)</source>
        <translation>das Desktop-Portal hat abgelehnt (%1)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the desktop did not open a shortcuts session</source>
        <translation>die Arbeitsumgebung hat keine Tastenkürzel-Sitzung geöffnet</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>the desktop portal refused the shortcuts (%1)</source>
        <translation>das Desktop-Portal hat die Tastenkürzel abgelehnt (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the shortcuts were not confirmed</source>
        <translation>die Tastenkürzel wurden nicht bestätigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the desktop refused the shortcuts</source>
        <translation>die Arbeitsumgebung hat die Tastenkürzel abgelehnt</translation>
    </message>
</context>
<context>
    <name>snaption::gui::PortalRequest</name>
    <message>
        <location filename="../app/gui/portalrequest.cpp" line="+40"/>
        <source>there is no D-Bus session to ask the desktop portal</source>
        <translation>es gibt keine D-Bus-Sitzung, um das Desktop-Portal zu fragen</translation>
    </message>
</context>
<context>
    <name>snaption::gui::PortalScreenshot</name>
    <message>
        <location filename="../app/gui/portalscreenshot.cpp" line="+19"/>
        <source>A screenshot is already being taken</source>
        <translation>Es wird bereits ein Bildschirmfoto aufgenommen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No screenshot: this desktop has no screenshot portal (xdg-desktop-portal)</source>
        <translation>Kein Bildschirmfoto: diese Arbeitsumgebung hat kein Bildschirmfoto-Portal (xdg-desktop-portal)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No screenshot: the desktop portal refused (%1)</source>
        <translation>Kein Bildschirmfoto: das Desktop-Portal hat abgelehnt (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The screenshot was cancelled</source>
        <translation>Das Bildschirmfoto wurde abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No screenshot: the desktop refused to take one</source>
        <translation>Kein Bildschirmfoto: die Arbeitsumgebung hat es abgelehnt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No screenshot: the desktop portal gave no file (%1)</source>
        <translation>Kein Bildschirmfoto: das Desktop-Portal hat keine Datei geliefert (%1)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the screenshot %1: %2</source>
        <translation>Das Bildschirmfoto %1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>snaption::gui::RegionSelector</name>
    <message>
        <location filename="../app/gui/regionselector.cpp" line="+23"/>
        <source>Select a Screen Region</source>
        <translation>Bildschirmbereich auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a screen region</source>
        <translation>Bildschirmbereich auswählen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drag with the mouse, or move the rectangle with the arrow keys and resize it with Shift and the arrow keys. Enter captions the region, Escape cancels.</source>
        <translation>Ziehen Sie mit der Maus, oder verschieben Sie das Rechteck mit den Pfeiltasten und ändern Sie seine Größe mit Umschalt und den Pfeiltasten. Eingabe beschreibt den Bereich, Escape bricht ab.</translation>
    </message>
</context>
<context>
    <name>snaption::gui::ScreenCapture</name>
    <message>
        <location filename="../app/gui/screencapture.cpp" line="+27"/>
        <source>Screen</source>
        <translation>Bildschirm</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Active window</source>
        <translation>Aktives Fenster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screen region</source>
        <translation>Bildschirmbereich</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>No screenshot: this session does not let applications read the screen</source>
        <translation>Kein Bildschirmfoto: diese Sitzung lässt Anwendungen den Bildschirm nicht lesen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No screenshot of the active window: only X11 sessions tell applications which window is active</source>
        <translation>Kein Bildschirmfoto des aktiven Fensters: nur X11-Sitzungen sagen Anwendungen, welches Fenster aktiv ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No screenshot of the active window: the window manager does not say which window is active</source>
        <translation>Kein Bildschirmfoto des aktiven Fensters: die Fensterverwaltung sagt nicht, welches Fenster aktiv ist</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No screenshot of the active window: the X server gave no pixels of it</source>
        <translation>Kein Bildschirmfoto des aktiven Fensters: der X-Server hat keine Pixel davon geliefert</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No region chosen</source>
        <translation>Kein Bereich ausgewählt</translation>
    </message>
</context>
<context>
    <name>snaption::gui::SingleInstance</name>
    <message>
        <location filename="../app/gui/singleinstance.cpp" line="+28"/>
        <source>The answer is too long.</source>
        <translation>Die Antwort ist zu lang.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer within %1 s.</source>
        <translation>Keine Antwort innerhalb von %1 s.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It closed the connection.</source>
        <translation>Es hat die Verbindung geschlossen.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The request is not a JSON object.</source>
        <translation>Die Anfrage ist kein JSON-Objekt.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The request needs an &quot;images&quot; list and at most a &quot;model&quot; text.</source>
        <translation>Die Anfrage braucht eine Liste &quot;images&quot; und höchstens einen Text &quot;model&quot;.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every image must be an absolute path.</source>
        <translation>Jedes Bild muss ein absoluter Pfad sein.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The model must be an absolute path.</source>
        <translation>Das Modell muss ein absoluter Pfad sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The switches must be a list.</source>
        <translation>Die Schalter müssen eine Liste sein.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown switch: %1</source>
        <translation>Unbekannter Schalter: %1</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>The answer is not one Snaption gives.</source>
        <translation>Diese Antwort stammt nicht von Snaption.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Another Snaption is already running.</source>
        <translation>Ein anderes Snaption läuft bereits.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The request is too long.</source>
        <translation>Die Anfrage ist zu lang.</translation>
    </message>
</context>
<context>
    <name>snaption::gui::TrainTab</name>
    <message>
        <location filename="../app/gui/traintab.cpp" line="+59"/>
        <source>St&amp;op</source>
        <translation>St&amp;oppen</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>a dataset folder or file, or &quot;synthetic&quot;</source>
        <translation>ein Datensatzordner oder eine Datei, oder „synthetic“</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Dataset:</source>
        <translation>Date&amp;nsatz:</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+39"/>
        <location line="+9"/>
        <location line="+6"/>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>A Flickr8k folder or captions file (Flickr8k.de.token.txt: German), a COCO or Karpathy JSON file, a folder of images with .txt captions, or &quot;synthetic&quot;</source>
        <translation>Ein Flickr8k-Ordner oder eine Beschreibungsdatei (Flickr8k.de.token.txt: Deutsch), eine COCO- oder Karpathy-JSON-Datei, ein Ordner mit Bildern und .txt-Beschreibungen oder „synthetic“</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Dataset Folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>File…</source>
        <translation>Datei…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a dataset file: Flickr8k captions, COCO or Karpathy JSON</source>
        <translation>Eine Datensatzdatei wählen: Flickr8k-Beschreibungen, COCO- oder Karpathy-JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dataset File</source>
        <translation>Datensatzdatei</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Captions and datasets (*.txt *.json);;All files (*)</source>
        <translation>Beschreibungen und Datensätze (*.txt *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dataset format</source>
        <translation>Datensatzformat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&quot;auto&quot; recognises the format from the files</source>
        <translation>„auto“ erkennt das Format an den Dateien</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reads the dataset and reports what is usable, without training</source>
        <translation>Liest den Datensatz und meldet, was verwendbar ist, ohne zu trainieren</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Dataset report</source>
        <translation>Datensatzbericht</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1
Command line: snaption-cli train --preset %2</source>
        <translation>%1
Befehlszeile: snaption-cli train --preset %2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Preset</source>
        <translation>Voreinstellung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Preset:</source>
        <translation>&amp;Voreinstellung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none: random encoder</source>
        <translation>keine: zufälliger Encoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder weights</source>
        <translation>Encoder-Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pretrained encoder weights: .safetensors, .pth or a TFLite MobileNetV2</source>
        <translation>Vortrainierte Encoder-Gewichte: .safetensors, .pth oder ein TFLite-MobileNetV2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encoder Weights</source>
        <translation>Encoder-Gewichte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weights (*.safetensors *.pth *.pt *.tflite);;All files (*)</source>
        <translation>Gewichte (*.safetensors *.pth *.pt *.tflite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>none: a new model</source>
        <translation>keines: ein neues Modell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start from model</source>
        <translation>Ausgangsmodell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A trained model (.safetensors) to continue: its weights, vocabulary and caption language. CIDEr-D fine-tuning needs one</source>
        <translation>Ein trainiertes Modell (.safetensors), das weitertrainiert wird: seine Gewichte, sein Wortschatz und seine Sprache. Die CIDEr-D-Feinabstimmung braucht eines</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model to Start From</source>
        <translation>Ausgangsmodell</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Models (*.safetensors);;All files (*)</source>
        <translation>Modelle (*.safetensors);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Output folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receives best.safetensors, final.safetensors, checkpoints and the history</source>
        <translation>Erhält best.safetensors, final.safetensors, Checkpoints und den Verlauf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Output Folder</source>
        <translation>Ausgabeordner</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>optional: continue a run</source>
        <translation>optional: einen Lauf fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resume from checkpoint</source>
        <translation>Ab Checkpoint fortsetzen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Checkpoints (*.ckpt)</source>
        <translation>Checkpoints (*.ckpt)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A checkpoint (.ckpt) of an earlier run: its data, settings and output folder are filled in</source>
        <translation>Ein Checkpoint (.ckpt) eines früheren Laufs: seine Daten, Einstellungen und sein Ausgabeordner werden eingetragen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Model and recipe</source>
        <translation>Modell und Rezept</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The image encoder; pretrained weights choose it themselves</source>
        <translation>Der Bild-Encoder; vortrainierte Gewichte legen ihn selbst fest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder</source>
        <translation>Encoder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encoder:</source>
        <translation>Encoder:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Frozen: features are computed once and epochs only train the decoder - much faster on a CPU</source>
        <translation>Eingefroren: Merkmale werden einmal berechnet und Epochen trainieren nur den Decoder – auf einer CPU viel schneller</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>bfloat16</source>
        <translation>bfloat16</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fp32</source>
        <translation>fp32</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number format of the decoder&apos;s matrix products while training. bfloat16 is about twice as fast on processors with native bfloat16 (AVX512-BF16, AMX); Automatic uses it there when the encoder is frozen</source>
        <translation>Zahlenformat der Matrixprodukte des Decoders beim Training. bfloat16 ist auf Prozessoren mit nativem bfloat16 (AVX512-BF16, AMX) etwa doppelt so schnell; Automatisch verwendet es dort, wenn der Encoder eingefroren ist</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matrix precision</source>
        <translation>Matrixgenauigkeit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Matrix precision:</source>
        <translation>Matrixgenauigkeit:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Words</source>
        <translation>Wörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subword pieces (SentencePiece)</source>
        <translation>Wortteile (SentencePiece)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What the decoder writes: whole words of the training captions, or pieces of words learnt from them (for languages with long compounds, such as German)</source>
        <translation>Was der Decoder schreibt: ganze Wörter der Trainingsbeschreibungen oder aus ihnen gelernte Wortteile (für Sprachen mit langen Komposita wie Deutsch)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary</source>
        <translation>Vokabular</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Vocabulary:</source>
        <translation>Vokabular:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cross-entropy: learn the reference captions</source>
        <translation>Kreuzentropie: die Referenzbeschreibungen lernen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CIDEr-D, self-critical: fine-tune a trained model</source>
        <translation>CIDEr-D, selbstkritisch: ein trainiertes Modell feinabstimmen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What training optimises. Self-critical training samples several captions per image and favours those that score better than the others; it starts from the model under &quot;Start from model&quot;</source>
        <translation>Was das Training optimiert. Selbstkritisches Training zieht mehrere Beschreibungen je Bild und bevorzugt die, die besser abschneiden als die anderen; es beginnt mit dem Modell unter „Ausgangsmodell“</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Objective</source>
        <translation>Lernziel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ob&amp;jective:</source>
        <translation>Lern&amp;weise:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decoder layers:</source>
        <translation>Decoder-Schichten:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Transformer decoder layers</source>
        <translation>Schichten des Transformer-Decoders</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decoder width (model dimension); divisible by the heads</source>
        <translation>Decoder-Breite (Modelldimension); durch die Köpfe teilbar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heads:</source>
        <translation>Köpfe:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attention heads per layer</source>
        <translation>Attention-Köpfe je Schicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Feed-forward:</source>
        <translation>Feed-forward:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size of the feed-forward layer in each decoder layer</source>
        <translation>Größe der Feed-forward-Schicht in jeder Decoder-Schicht</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Context:</source>
        <translation>Kontext:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Longest caption in tokens, &lt;START&gt; included</source>
        <translation>Längste Beschreibung in Tokens, &lt;START&gt; eingeschlossen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dropout:</source>
        <translation>Dropout:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Dropout in the decoder while training</source>
        <translation>Dropout im Decoder während des Trainings</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Passes over the training images (one random caption each)</source>
        <translation>Durchgänge über die Trainingsbilder (je eine zufällige Beschreibung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Batch size:</source>
        <translation>Stapelgröße:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Images per optimiser step</source>
        <translation>Bilder je Optimierungsschritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Peak learning rate of the one-cycle schedule</source>
        <translation>Höchste Lernrate des One-Cycle-Plans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight decay:</source>
        <translation>Gewichtsabnahme:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AdamW weight decay</source>
        <translation>Gewichtsabnahme (weight decay) von AdamW</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm-up:</source>
        <translation>Aufwärmphase:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of the steps spent raising the learning rate</source>
        <translation>Anteil der Schritte, in denen die Lernrate steigt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label smoothing:</source>
        <translation>Label-Glättung:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share of probability spread over all words</source>
        <translation>Wahrscheinlichkeitsanteil, der über alle Wörter verteilt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gradient clip:</source>
        <translation>Gradientenbegrenzung:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Largest gradient norm (0 = no clipping)</source>
        <translation>Größte Gradientennorm (0 = keine Begrenzung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Min. word count:</source>
        <translation>Min. Worthäufigkeit:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Words seen fewer times in training captions become &lt;UNKNOWN&gt;</source>
        <translation>Wörter, die seltener in den Trainingsbeschreibungen vorkommen, werden zu &lt;UNKNOWN&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+25"/>
        <source>Subword pieces:</source>
        <translation>Wortteile:</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Size of a subword vocabulary, learnt from the training captions when training starts</source>
        <translation>Größe eines Wortteil-Vokabulars, das beim Start des Trainings aus den Trainingsbeschreibungen gelernt wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+27"/>
        <source>Samples per image:</source>
        <translation>Beispiele je Bild:</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Captions sampled per image in each self-critical step</source>
        <translation>Gezogene Beschreibungen je Bild in jedem selbstkritischen Schritt</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+18"/>
        <source>CIDEr-D stage epochs:</source>
        <translation>Epochen der CIDEr-D-Stufe:</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Self-critical epochs after the cross-entropy ones, in the same run, starting from their best model; they are given a share of the time budget (0 = none)</source>
        <translation>Selbstkritische Epochen nach denen mit Kreuzentropie, im selben Lauf, ausgehend von deren bestem Modell; sie erhalten einen Teil des Zeitbudgets (0 = keine)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Feature views:</source>
        <translation>Merkmalsansichten:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cached versions of each image: the original plus augmented ones</source>
        <translation>Zwischengespeicherte Fassungen jedes Bildes: das Original und augmentierte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time budget (min):</source>
        <translation>Zeitbudget (min):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stop after this many minutes; the plan is revised to fit as the speed changes (0 = none)</source>
        <translation>Nach so vielen Minuten aufhören; der Plan wird angepasst, wenn sich das Tempo ändert (0 = kein Limit)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Smooth&amp;ing:</source>
        <translation>G&amp;lättung:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export P&amp;NG…</source>
        <translation>Als PNG e&amp;xportieren…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport CSV…</source>
        <translation>Als &amp;CSV exportieren…</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Unknown preset &quot;%1&quot;; using &quot;%2&quot;</source>
        <translation>Unbekannte Voreinstellung „%1“; verwendet wird „%2“</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>CIDEr-D fine-tuning continues a trained model: choose one under &quot;Start from model&quot;.</source>
        <translation>Die CIDEr-D-Feinabstimmung setzt ein trainiertes Modell fort: wählen Sie eines unter „Ausgangsmodell“.</translation>
    </message>
    <message numerus="yes">
        <location line="+58"/>
        <source>The time budget fits %n of them at the current speed.</source>
        <translation>
            <numerusform>Das Zeitbudget reicht beim jetzigen Tempo für %n davon.</numerusform>
            <numerusform>Das Zeitbudget reicht beim jetzigen Tempo für %n davon.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+20"/>
        <source>No training has run yet</source>
        <translation>Es lief noch kein Training</translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>Finished in %1: %n epoch(s); best model BLEU-4 %2, CIDEr-D %3 on %4 validation images</source>
        <translation>
            <numerusform>Fertig nach %1: %n Epoche; bestes Modell BLEU-4 %2, CIDEr-D %3 auf %4 Validierungsbildern</numerusform>
            <numerusform>Fertig nach %1: %n Epochen; bestes Modell BLEU-4 %2, CIDEr-D %3 auf %4 Validierungsbildern</numerusform>
        </translation>
    </message>
    <message>
        <location line="-449"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="-204"/>
        <source>Sta&amp;rt</source>
        <translation>Sta&amp;rten</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+535"/>
        <location line="+148"/>
        <source>Pa&amp;use</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <location line="-683"/>
        <source>Use This Mode&amp;l</source>
        <translation>D&amp;ieses Modell verwenden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lo&amp;g scale</source>
        <translation>Logarithmische S&amp;kala</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Chec&amp;k</source>
        <translation>Prü&amp;fen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>For&amp;mat:</source>
        <translation>For&amp;mat:</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Encoder &amp;weights:</source>
        <translation>Encoder-&amp;Gewichte:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Start from model:</source>
        <translation>Ausgangsmodell:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Output:</source>
        <translation>Ausgabe:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Resume from:</source>
        <translation>Fortsetzen ab:</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Free&amp;ze the encoder (cache its features)</source>
        <translation>Encoder einfrieren (Merkmale &amp;zwischenspeichern)</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Random seed: the same seed gives the same run</source>
        <translation>Zufallsstartwert: derselbe Startwert ergibt denselben Lauf</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Starts training on a background thread</source>
        <translation>Startet das Training in einem Hintergrund-Thread</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pauses between steps; press again to resume</source>
        <translation>Hält zwischen Schritten an; erneut drücken zum Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stops after the current step and writes a checkpoint to resume from</source>
        <translation>Stoppt nach dem aktuellen Schritt und schreibt einen Checkpoint zum Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loads the best model so far into the Caption tab</source>
        <translation>Lädt das bisher beste Modell in den Reiter Beschreiben</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training phase</source>
        <translation>Trainingsphase</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Training status</source>
        <translation>Trainingsstatus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Training progress</source>
        <translation>Trainingsfortschritt</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Loss smoothing</source>
        <translation>Glättung des Verlusts</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Sample captions of validation images</source>
        <translation>Beispielbeschreibungen von Validierungsbildern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sample captions</source>
        <translation>Beispielbeschreibungen</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Export Plot</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export History</source>
        <translation>Verlauf exportieren</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+40"/>
        <location line="+2"/>
        <source>Training failed: %1</source>
        <translation>Training fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Cannot resume from %1: %2</source>
        <translation>Fortsetzen von %1 nicht möglich: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resumes after epoch %1 (step %2) with the checkpoint&apos;s settings; only the epochs, the time budget and the matrix precision can be changed.</source>
        <translation>Setzt nach Epoche %1 (Schritt %2) mit den Einstellungen des Checkpoints fort; nur die Epochen, das Zeitbudget und die Matrixgenauigkeit lassen sich ändern.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reading the dataset…</source>
        <translation>Datensatz wird gelesen…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 (%2): %3 training, %4 validation, %5 test images. %6</source>
        <translation>%1 (%2): %3 Trainings-, %4 Validierungs-, %5 Testbilder. %6</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not usable: %1</source>
        <translation>Nicht verwendbar: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+5"/>
        <source>Cannot Start Training</source>
        <translation>Training kann nicht starten</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stopping after this step, writing a checkpoint…</source>
        <translation>Stoppt nach diesem Schritt, Checkpoint wird geschrieben…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paused</source>
        <translation>Pausiert</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>reward %1 (greedy %2)</source>
        <translation>Belohnung %1 (greedy %2)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>loss %1</source>
        <translation>Verlust %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Epoch %1 of %2, step %3 of %4 · %5 · %6 samples/s · %7 left%8</source>
        <translation>Epoche %1 von %2, Schritt %3 von %4 · %5 · %6 Beispiele/s · noch %7%8</translation>
    </message>
    <message>
        <location line="+8"/>
        <source> · best: epoch %1</source>
        <translation> · beste: Epoche %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Epoch %1: BLEU-4 %2, CIDEr-D %3%4%5</source>
        <translation>Epoche %1: BLEU-4 %2, CIDEr-D %3%4%5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>, attention hit rate %1</source>
        <translation>, Trefferquote der Aufmerksamkeit %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> (best so far)</source>
        <translation> (bisher beste)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Cannot show the sample image %1: %2</source>
        <translation>Das Beispielbild %1 kann nicht gezeigt werden: %2</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Stopped. A checkpoint was written: %1</source>
        <translation>Gestoppt. Ein Checkpoint wurde geschrieben: %1</translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n unreadable image(s) were skipped; history.json lists them</source>
        <translation>
            <numerusform>%n unlesbares Bild wurde übersprungen; history.json führt es auf</numerusform>
            <numerusform>%n unlesbare Bilder wurden übersprungen; history.json führt sie auf</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::TrayIcon</name>
    <message>
        <location filename="../app/gui/trayicon.cpp" line="+11"/>
        <location line="+10"/>
        <source>&amp;Show Snaption</source>
        <translation>Snaption &amp;zeigen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Hide Snaption</source>
        <translation>Snaption &amp;verbergen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Snaption: describes images</source>
        <translation>Snaption: beschreibt Bilder</translation>
    </message>
</context>
<context>
    <name>snaption::gui::WritePhotosDialog</name>
    <message>
        <location filename="../app/gui/writephotosdialog.cpp" line="+28"/>
        <source>&amp;Description (XMP, read by most photo programs)</source>
        <translation>&amp;Beschreibung (XMP, von den meisten Fotoprogrammen gelesen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Alt text (IPTC, for screen readers; at most 250 characters)</source>
        <translation>&amp;Alternativtext (IPTC, für Bildschirmleser; höchstens 250 Zeichen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Extended description (IPTC)</source>
        <translation>&amp;Erweiterte Beschreibung (IPTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xif image description (older programs)</source>
        <translation>E&amp;xif-Bildbeschreibung (ältere Programme)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;IPTC caption (older programs)</source>
        <translation>&amp;IPTC-Bildunterschrift (ältere Programme)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Into the photos &amp;themselves</source>
        <translation>In die Fotos &amp;selbst</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Into XMP &amp;sidecar files, leaving the photos untouched</source>
        <translation>In XMP-Be&amp;gleitdateien; die Fotos bleiben unberührt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep them: fill only empty fields</source>
        <translation>Be&amp;halten: nur leere Felder füllen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Replace captions Snaption wrote earlier</source>
        <translation>Früher von Snaption geschriebene e&amp;rsetzen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace e&amp;very description, a person&apos;s too</source>
        <translation>&amp;Jede Beschreibung ersetzen, auch die eines Menschen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the photos&apos; &amp;modification times</source>
        <translation>Änderungszeiten der Fotos beibehalten (&amp;M)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write Captions to Photos</source>
        <translation>Beschreibungen in Fotos schreiben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fields</source>
        <translation>Felder</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Where</source>
        <translation>Wohin</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>photo.jpg.xmp (darktable, digiKam)</source>
        <translation>photo.jpg.xmp (darktable, digiKam)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo.xmp (Lightroom)</source>
        <translation>photo.xmp (Lightroom)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidecar file name</source>
        <translation>Name der Begleitdatei</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sidecar &amp;name:</source>
        <translation>&amp;Name der Begleitdatei:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Descriptions the photos already have</source>
        <translation>Beschreibungen, die die Fotos schon haben</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>What will change</source>
        <translation>Was sich ändern wird</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Write</source>
        <translation>Schrei&amp;ben</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose at least one field.</source>
        <translation>Mindestens ein Feld wählen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>An XMP sidecar cannot hold Exif or IPTC fields.</source>
        <translation>Eine XMP-Begleitdatei kann keine Exif- oder IPTC-Felder aufnehmen.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Looking at %n photo(s)…</source>
        <translation>
            <numerusform>%n Foto wird angesehen…</numerusform>
            <numerusform>%n Fotos werden angesehen…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n photo(s) will get the caption.</source>
        <translation>
            <numerusform>%n Foto erhält die Beschreibung.</numerusform>
            <numerusform>%n Fotos erhalten die Beschreibung.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>In %n of them a person&apos;s description will be replaced.</source>
        <translation>
            <numerusform>In %n davon wird die Beschreibung eines Menschen ersetzt.</numerusform>
            <numerusform>In %n davon wird die Beschreibung eines Menschen ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left as they are: %1.</source>
        <translation>Unverändert bleiben: %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo Last Write puts back what was there.</source>
        <translation>„Letztes Schreiben rückgängig machen“ stellt den früheren Inhalt wieder her.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Replace a Person&apos;s Descriptions?</source>
        <translation>Beschreibungen von Menschen ersetzen?</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n photo(s) hold a description written by a person. Replace it with Snaption&apos;s caption?</source>
        <translation>
            <numerusform>%n Foto enthält eine von einem Menschen geschriebene Beschreibung. Durch Snaptions Beschreibung ersetzen?</numerusform>
            <numerusform>%n Fotos enthalten eine von einem Menschen geschriebene Beschreibung. Durch Snaptions Beschreibung ersetzen?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>snaption::gui::X11KeyGrabber</name>
    <message>
        <location filename="../app/gui/x11keygrabber.cpp" line="+100"/>
        <source>global shortcuts need an X11 session here</source>
        <translation>globale Tastenkürzel brauchen hier eine X11-Sitzung</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>a global shortcut is one key combination</source>
        <translation>ein globales Tastenkürzel ist eine einzige Tastenkombination</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 cannot be a global shortcut: use a letter, a digit or a function key</source>
        <translation>%1 kann kein globales Tastenkürzel sein: nehmen Sie einen Buchstaben, eine Ziffer oder eine Funktionstaste</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 would be taken from every application: add Ctrl, Alt or Meta</source>
        <translation>%1 würde allen Anwendungen genommen: nehmen Sie Strg, Alt oder Meta hinzu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no key on this keyboard makes %1</source>
        <translation>keine Taste dieser Tastatur ergibt %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is already the shortcut of another Snaption action</source>
        <translation>%1 ist schon das Tastenkürzel einer anderen Snaption-Aktion</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 is taken by another application</source>
        <translation>%1 ist von einer anderen Anwendung belegt</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>the X server refused the key grab (error %1)</source>
        <translation>der X-Server hat die Tastenbelegung abgelehnt (Fehler %1)</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::AugmentationEditor</name>
    <message>
        <location filename="../widgets/src/augmentationeditor.cpp" line="+54"/>
        <source>How often the transform is applied (0 to 1)</source>
        <translation>Wie oft die Transformation angewendet wird (0 bis 1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 probability</source>
        <translation>Wahrscheinlichkeit für %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Probability:</source>
        <translation>Wahrscheinlichkeit:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Mirrors the image left to right</source>
        <translation>Spiegelt das Bild von links nach rechts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crops part of the image and scales it back up</source>
        <translation>Schneidet einen Teil des Bildes aus und skaliert ihn wieder hoch</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest share of the image area kept</source>
        <translation>Kleinster behaltener Anteil der Bildfläche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest share of the image area kept</source>
        <translation>Größter behaltener Anteil der Bildfläche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area:</source>
        <translation>Fläche:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Narrowest aspect ratio of the crop</source>
        <translation>Schmalstes Seitenverhältnis des Ausschnitts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Widest aspect ratio of the crop</source>
        <translation>Breitestes Seitenverhältnis des Ausschnitts</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Aspect ratio:</source>
        <translation>Seitenverhältnis:</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Hori&amp;zontal flip</source>
        <translation>H&amp;orizontal spiegeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ran&amp;dom resized crop</source>
        <translation>&amp;Zufälliger Ausschnitt mit Skalierung</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Moves, scales and turns the image; uncovered corners are black</source>
        <translation>Verschiebt, skaliert und dreht das Bild; freiliegende Ecken werden schwarz</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sh&amp;ift, scale, rotate</source>
        <translation>&amp;Verschieben, skalieren, drehen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest shift, as a fraction of width and height</source>
        <translation>Größte Verschiebung als Anteil von Breite und Höhe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest change of scale, e.g. 0.1 = 90 % to 110 %</source>
        <translation>Größte Größenänderung, z. B. 0,1 = 90 % bis 110 %</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest rotation in degrees, either way</source>
        <translation>Größte Drehung in Grad, in beide Richtungen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shift:</source>
        <translation>Verschiebung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scale:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rotation (°):</source>
        <translation>Drehung (°):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colour &amp;jitter</source>
        <translation>&amp;Farbvariation</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Random brightness, contrast, saturation and hue</source>
        <translation>Zufällige Helligkeit, Kontrast, Sättigung und Farbton</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brightness varies by up to this factor</source>
        <translation>Die Helligkeit schwankt bis zu diesem Faktor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Contrast varies by up to this factor</source>
        <translation>Der Kontrast schwankt bis zu diesem Faktor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saturation varies by up to this factor</source>
        <translation>Die Sättigung schwankt bis zu diesem Faktor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hue turns by up to this fraction of the colour circle</source>
        <translation>Der Farbton dreht sich um bis zu diesen Anteil des Farbkreises</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Brightness:</source>
        <translation>Helligkeit:</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+7"/>
        <source>Contrast:</source>
        <translation>Kontrast:</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Saturation:</source>
        <translation>Sättigung:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hue:</source>
        <translation>Farbton:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Brightness and contrast</source>
        <translation>Helli&amp;gkeit und Kontrast</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adds brightness and scales contrast</source>
        <translation>Ändert die Helligkeit und skaliert den Kontrast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest brightness change, as a fraction of white</source>
        <translation>Größte Helligkeitsänderung als Anteil von Weiß</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest contrast change</source>
        <translation>Größte Kontraständerung</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blurs with a Gaussian kernel of random odd size</source>
        <translation>Zeichnet mit einem Gauß-Kern zufälliger ungerader Größe weich</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Gaussian bl&amp;ur</source>
        <translation>Gaußs&amp;che Unschärfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smallest kernel size (odd)</source>
        <translation>Kleinste Kerngröße (ungerade)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Largest kernel size (odd)</source>
        <translation>Größte Kerngröße (ungerade)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kernel:</source>
        <translation>Kern:</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::CaptionWorker</name>
    <message>
        <location filename="../widgets/src/captionworker.cpp" line="+47"/>
        <source>best epoch (%1)</source>
        <translation>beste Epoche (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final model</source>
        <translation>Endmodell</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>final model (no epoch completed)</source>
        <translation>Endmodell (keine Epoche abgeschlossen)</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, trained on %2 (%3 images, %n epoch(s))</source>
        <translation>
            <numerusform>%1, trainiert auf %2 (%3 Bilder, %n Epoche)</numerusform>
            <numerusform>%1, trainiert auf %2 (%3 Bilder, %n Epochen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1, %2 + %n decoder layer(s), %3 subword pieces%4</source>
        <translation>
            <numerusform>%1, %2 + %n Decoder-Schicht, %3 Wortteile%4</numerusform>
            <numerusform>%1, %2 + %n Decoder-Schichten, %3 Wortteile%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1, %2 + %n decoder layer(s), %3 words%4</source>
        <translation>
            <numerusform>%1, %2 + %n Decoder-Schicht, %3 Wörter%4</numerusform>
            <numerusform>%1, %2 + %n Decoder-Schichten, %3 Wörter%4</numerusform>
        </translation>
    </message>
    <message>
        <location line="+155"/>
        <source>No model is loaded.</source>
        <translation>Es ist kein Modell geladen.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unexpected error: %1</source>
        <translation>Unerwarteter Fehler: %1</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::DecodingControls</name>
    <message>
        <location filename="../widgets/src/decodingcontrols.cpp" line="+15"/>
        <source>Beam search</source>
        <translation>Strahlsuche</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Greedy</source>
        <translation>Gierig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sampling</source>
        <translation>Zufallsauswahl</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoding</source>
        <translation>Dekodierung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the words are chosen. Beam search is deterministic and usually best.</source>
        <translation>Wie die Wörter gewählt werden. Die Strahlsuche ist deterministisch und meist am besten.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Beam width</source>
        <translation>Strahlbreite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How many candidate captions beam search keeps at each word; more is slower and often a little better</source>
        <translation>Wie viele Kandidaten die Strahlsuche bei jedem Wort behält; mehr ist langsamer und oft etwas besser</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Length penalty</source>
        <translation>Längenstrafe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Higher values favour longer captions, lower values shorter ones</source>
        <translation>Höhere Werte bevorzugen längere Bildunterschriften, niedrigere kürzere</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Beam search ranks captions by log probability divided by length to this power: 1 favours longer, more detailed captions, 0 shorter ones. 0.5 made Flickr8k captions more precise than 1.</source>
        <translation>Die Strahlsuche ordnet Bildunterschriften nach Log-Wahrscheinlichkeit geteilt durch die Länge hoch diesen Wert: 1 bevorzugt längere, ausführlichere, 0 kürzere. 0,5 machte Flickr8k-Bildunterschriften genauer als 1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>all words</source>
        <translation>alle Wörter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample only among this many most likely words</source>
        <translation>Nur unter so vielen wahrscheinlichsten Wörtern wählen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Temperature</source>
        <translation>Temperatur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Above 1 more varied captions, below 1 more conservative</source>
        <translation>Über 1 abwechslungsreichere, unter 1 vorsichtigere Beschreibungen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Random seed</source>
        <translation>Zufallsstartwert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same seed gives the same sampled caption again</source>
        <translation>Derselbe Startwert ergibt wieder dieselbe gezogene Beschreibung</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decodin&amp;g:</source>
        <translation>Dekodierun&amp;g:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Top-k:</source>
        <translation>Top-k:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Beam width:</source>
        <translation>Strah&amp;lbreite:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Length penalty:</source>
        <translation>L&amp;ängenstrafe:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Te&amp;mperature:</source>
        <translation>Te&amp;mperatur:</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::HeatmapControls</name>
    <message>
        <location filename="../widgets/src/heatmapcontrols.cpp" line="+18"/>
        <source>Shows or hides the attention overlay</source>
        <translation>Zeigt oder verbirgt die Aufmerksamkeitskarte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heatmap opacity</source>
        <translation>Deckkraft der Wärmekarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>0 shows only the image, 100 only the heatmap</source>
        <translation>0 zeigt nur das Bild, 100 nur die Wärmekarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heatmap colours</source>
        <translation>Farben der Wärmekarte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Blends the attention grid smoothly instead of showing blocky cells</source>
        <translation>Zeigt das Aufmerksamkeitsraster weich statt in Blöcken</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decoder layer</source>
        <translation>Decoder-Schicht</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which decoder layer&apos;s cross-attention to show</source>
        <translation>Welche Decoder-Schicht gezeigt wird</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attention head</source>
        <translation>Aufmerksamkeitskopf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which attention head to show, or their mean</source>
        <translation>Welcher Aufmerksamkeitskopf gezeigt wird, oder ihr Mittel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Opacity:</source>
        <translation>Deckkra&amp;ft:</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Last layer</source>
        <translation>Letzte Schicht</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Mean of layers</source>
        <translation>Mittel der Schichten</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Sho&amp;w heatmap</source>
        <translation>&amp;Wärmekarte zeigen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Smooth blend&amp;ing</source>
        <translation>Glatt &amp;überblenden</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Colo&amp;urs:</source>
        <translation>Farbe&amp;n:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Laye&amp;r:</source>
        <translation>Sch&amp;icht:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hea&amp;d:</source>
        <translation>K&amp;opf:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Layer %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mean of heads</source>
        <translation>Mittel der Köpfe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head %1</source>
        <translation>Kopf %1</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::HeatmapView</name>
    <message>
        <location filename="../widgets/src/heatmapview.cpp" line="+22"/>
        <source>Image with attention heatmap</source>
        <translation>Bild mit Aufmerksamkeitskarte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shows the image; the coloured overlay marks where the model looked for the selected word. Ctrl+wheel or Ctrl+plus/minus zooms.</source>
        <translation>Zeigt das Bild; die farbige Überlagerung markiert, wohin das Modell für das gewählte Wort geschaut hat. Strg+Mausrad oder Strg+Plus/Minus zoomt.</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::HistoryModel</name>
    <message>
        <location filename="../widgets/src/historymodel.cpp" line="+16"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::HistoryStore</name>
    <message>
        <location filename="../widgets/src/historystore.cpp" line="+78"/>
        <source>The saved history %1 is larger than %2 MB and was not read</source>
        <translation>Der gespeicherte Verlauf %1 ist größer als %2 MB und wurde nicht gelesen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot read the saved history %1: %2</source>
        <translation>Der gespeicherte Verlauf %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+21"/>
        <source>%n damaged entry(s) of the saved history were skipped</source>
        <translation>
            <numerusform>%n beschädigter Eintrag des gespeicherten Verlaufs wurde übersprungen</numerusform>
            <numerusform>%n beschädigte Einträge des gespeicherten Verlaufs wurden übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+9"/>
        <source>Cannot save the history to %1: %2</source>
        <translation>Der Verlauf kann nicht in %1 gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::ImageListModel</name>
    <message>
        <location filename="../widgets/src/imagelistmodel.cpp" line="+28"/>
        <source>queued</source>
        <translation>wartet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>captioning</source>
        <translation>wird beschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fertig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>written to the photo</source>
        <translation>ins Foto geschrieben</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>photo left as it was</source>
        <translation>Foto unverändert</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>writing to the photo failed</source>
        <translation>Schreiben ins Foto fehlgeschlagen</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>%1: failed: %2</source>
        <translation>%1: fehlgeschlagen: %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1
%2: %3</source>
        <translation>%1
%2: %3</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::ModelDownloader</name>
    <message>
        <location filename="../widgets/src/modeldownloader.cpp" line="+32"/>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Download cancelled</source>
        <translation>Herunterladen abgebrochen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The download is larger than the catalog says (%1 bytes)</source>
        <translation>Die Datei ist größer, als der Katalog angibt (%1 Bytes)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write the model: %1</source>
        <translation>Das Modell kann nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Download failed: %1</source>
        <translation>Herunterladen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The download has %1 bytes, the catalog says %2</source>
        <translation>Die Datei hat %1 Bytes, der Katalog nennt %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The download is damaged or not the expected file (SHA-256 mismatch)</source>
        <translation>Die Datei ist beschädigt oder nicht die erwartete (SHA-256 stimmt nicht)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot save the model: %1</source>
        <translation>Das Modell kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The downloaded file is not a usable model: %1</source>
        <translation>Die heruntergeladene Datei ist kein verwendbares Modell: %1</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::StartPage</name>
    <message>
        <location filename="../widgets/src/startpage.cpp" line="+9"/>
        <source>&amp;Create a demo model</source>
        <translation>Ein &amp;Demo-Modell erstellen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;h2&gt;Welcome to Snaption&lt;/h2&gt;&lt;p&gt;Snaption describes images in words and shows where it looked for each word. To start, it needs a captioning model.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei Snaption&lt;/h2&gt;&lt;p&gt;Snaption beschreibt Bilder in Worten und zeigt, wohin es für jedes Wort geschaut hat. Zum Start braucht es ein Modell zur Bildbeschreibung.&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Open a model file…</source>
        <translation>Eine Modelldatei ö&amp;ffnen …</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Load a Snaption model (.safetensors) from disk</source>
        <translation>Ein Snaption-Modell (.safetensors) von der Festplatte laden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import a Python Snaption model…</source>
        <translation>Ein Python-Snaption-Modell &amp;importieren …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Convert pretrained_weights.pt and vocab_mapper.pkl of the original project</source>
        <translation>pretrained_weights.pt und vocab_mapper.pkl des ursprünglichen Projekts umwandeln</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Download a pretrained model…</source>
        <translation>Ein vortrainiertes Modell &amp;herunterladen …</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose from the model catalog; the download is checked before use</source>
        <translation>Aus dem Modellkatalog wählen; die Datei wird vor der Verwendung geprüft</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trains a small model on synthetic shapes right here, in about a minute, without downloads</source>
        <translation>Trainiert hier ein kleines Modell auf synthetischen Formen, in wenigen Minuten, ohne Downloads</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start page</source>
        <translation>Startseite</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::TrainingPlot</name>
    <message>
        <location filename="../widgets/src/trainingplot.cpp" line="+22"/>
        <source>Loss and learning-rate plot</source>
        <translation>Diagramm von Verlust und Lernrate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>BLEU-4 and CIDEr-D plot</source>
        <translation>Diagramm von BLEU-4 und CIDEr-D</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>training loss</source>
        <translation>Trainingsverlust</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>training loss (smoothed)</source>
        <translation>Trainingsverlust (geglättet)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>validation loss</source>
        <translation>Validierungsverlust</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+4"/>
        <source>learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+67"/>
        <source>step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>loss</source>
        <translation>Verlust</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+12"/>
        <source>BLEU-4</source>
        <translation>BLEU-4</translation>
    </message>
    <message>
        <location line="-8"/>
        <location line="+9"/>
        <source>CIDEr-D</source>
        <translation>CIDEr-D</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Reward plot of self-critical training</source>
        <translation>Diagramm der Belohnung im selbstkritischen Training</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sampled captions&apos; reward</source>
        <translation>Belohnung der gezogenen Beschreibungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>greedy captions&apos; CIDEr-D</source>
        <translation>CIDEr-D der Greedy-Beschreibungen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>sampled captions&apos; reward, epoch mean</source>
        <translation>Belohnung der gezogenen Beschreibungen, Mittel der Epoche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>greedy captions&apos; CIDEr-D, epoch mean</source>
        <translation>CIDEr-D der Greedy-Beschreibungen, Mittel der Epoche</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reward (CIDEr-D on training images)</source>
        <translation>Belohnung (CIDEr-D auf Trainingsbildern)</translation>
    </message>
    <message>
        <location line="+151"/>
        <source>%1 at %2: %3</source>
        <translation>%1 bei %2: %3</translation>
    </message>
</context>
<context>
    <name>snaption::widgets::WordBar</name>
    <message>
        <location filename="../widgets/src/wordbutton.cpp" line="+62"/>
        <source>%1 (confidence %2 %)</source>
        <translation>%1 (Sicherheit %2 %)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>confidence %1 percent</source>
        <translation>Sicherheit %1 Prozent</translation>
    </message>
    <message>
        <location filename="../widgets/src/wordbar.cpp" line="+39"/>
        <source>Caption words</source>
        <translation>Wörter der Beschreibung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Left and Right select a word and show where the model looked for it. Space says its confidence.</source>
        <translation>Links und Rechts wählen ein Wort und zeigen, wohin das Modell dafür geschaut hat. Leertaste sagt seine Konfidenz.</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1, word %2 of %3, %4</source>
        <translation>%1, Wort %2 von %3, %4</translation>
    </message>
</context>
</TS>
