<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="de_DE">
<context>
    <name>BenchCommand</name>
    <message>
        <location filename="../app/cli/benchcommand.cpp" line="+87" />
        <source>The model file.</source>
        <translation>Die Modelldatei.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Measured runs per mode (default 20).</source>
        <translation>Gemessene Durchläufe je Modus (Standard 20).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <location line="+1" />
        <location line="+1" />
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-2" />
        <source>Unmeasured runs first (default 2).</source>
        <translation>Ungemessene Durchläufe vorab (Standard 2).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images per batch for the throughput test (default 8).</source>
        <translation>Bilder je Stapel für den Durchsatztest (Standard 8).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images captioned in a row for the memory test (default 100, 0 = skip).</source>
        <translation>Nacheinander beschriebene Bilder für den Speichertest (Standard 100, 0 = überspringen).</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decoder weights: fp32 (exact) or int8 (faster; default %1).</source>
        <translation>Decoder-Gewichte: fp32 (exakt) oder int8 (schneller; Standard %1).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Comma-separated modes to measure (default: all of greedy, beam3, greedy_nocache, beam3_nocache).</source>
        <translation>Zu messende Modi, durch Kommas getrennt (Standard: alle von greedy, beam3, greedy_nocache, beam3_nocache).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>list</source>
        <translation>Liste</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Print the results as one JSON object.</source>
        <translation>Die Ergebnisse als ein JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images to use (default: a generated 224 x 224 test card).</source>
        <translation>Zu verwendende Bilder (Standard: ein erzeugtes Testbild mit 224 x 224 Pixeln).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>[IMAGE...]</source>
        <translation>[BILD...]</translation>
    </message>
    <message>
        <location line="+9" />
        <source>--model is required; --runs and --batch must be at least 1</source>
        <translation>--model fehlt; --runs und --batch müssen mindestens 1 sein</translation>
    </message>
    <message>
        <location line="+6" />
        <source>--precision must be fp32 or int8</source>
        <translation>--precision muss fp32 oder int8 sein</translation>
    </message>
    <message>
        <location line="+12" />
        <source>generated test card</source>
        <translation>erzeugtes Testbild</translation>
    </message>
    <message>
        <location line="+13" />
        <source>unknown mode "%1"</source>
        <translation>unbekannter Modus „%1“</translation>
    </message>
    <message>
        <location line="+106" />
        <source>Model %1 (%2, %3 parameters, %4 decoder weights), %5 threads, %6 runs per mode</source>
        <translation>Modell %1 (%2, %3 Parameter, %4-Decoder-Gewichte), %5 Threads, %6 Durchläufe je Modus</translation>
    </message>
    <message>
        <location line="+7" />
        <source>mode             total ms (min/median/p95)   decode  preproc  encoder  decoder  per token  tokens</source>
        <translation>Modus            gesamt ms (min/Median/p95)  Dekodier Vorverarb Encoder Decoder je Token Tokens</translation>
    </message>
    <message>
        <location line="+17" />
        <source>KV cache speed-up of the decoder: greedy %1x, beam 3 %2x</source>
        <translation>Beschleunigung des Decoders durch den KV-Cache: greedy %1x, Beam 3 %2x</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Batches of %1: beam 3 %2 images/s, greedy %3 images/s</source>
        <translation>Stapel zu %1: Beam 3 %2 Bilder/s, greedy %3 Bilder/s</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Memory: %1 images in a row, RSS %2 MB after the first, %3 MB after the last, peak %4 MB</source>
        <translation>Speicher: %1 Bilder nacheinander, RSS %2 MB nach dem ersten, %3 MB nach dem letzten, Spitze %4 MB</translation>
    </message>
    <message>
        <location filename="../app/cli/benchcommand.h" line="+13" />
        <source>Measure captioning speed and memory.</source>
        <translation>Geschwindigkeit und Speicherbedarf der Bildbeschreibung messen.</translation>
    </message>
</context>
<context>
    <name>CaptionCommand</name>
    <message>
        <location filename="../app/cli/captioncommand.cpp" line="+43" />
        <source>The model file (.safetensors).</source>
        <translation>Die Modelldatei (.safetensors).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Decoder weights: fp32 (exact) or int8 (faster; default %1).</source>
        <translation>Decoder-Gewichte: fp32 (exakt) oder int8 (schneller; Standard %1).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Print one JSON object per image and line.</source>
        <translation>Je Bild eine Zeile mit einem JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Write one attention overlay PNG per word into &lt;folder&gt;.</source>
        <translation>Je Wort ein PNG mit der Aufmerksamkeitskarte in &lt;Ordner&gt; schreiben.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>folder</source>
        <translation>Ordner</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heatmap colours: viridis (default), inferno or jet.</source>
        <translation>Farben der Wärmekarte: viridis (Standard), inferno oder jet.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Heatmap opacity from 0 to 1 (default 0.5).</source>
        <translation>Deckkraft der Wärmekarte von 0 bis 1 (Standard 0,5).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Images captioned together (default 8).</source>
        <translation>Gemeinsam beschriebene Bilder (Standard 8).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Refuse images larger than this (default 100).</source>
        <translation>Größere Bilder ablehnen (Megapixel, Standard 100).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image files or folders.</source>
        <translation>Bilddateien oder Ordner.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>IMAGE...</source>
        <translation>BILD...</translation>
    </message>
    <message>
        <location line="+6" />
        <source>--model is required</source>
        <translation>--model fehlt</translation>
    </message>
    <message>
        <location line="+5" />
        <source>no images given (or the folders hold none)</source>
        <translation>keine Bilder angegeben (oder die Ordner enthalten keine)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>invalid --colormap, --opacity, --batch-size or --max-megapixels value</source>
        <translation>ungültiger Wert für --colormap, --opacity, --batch-size oder --max-megapixels</translation>
    </message>
    <message>
        <location line="+6" />
        <source>--precision must be fp32 or int8</source>
        <translation>--precision muss fp32 oder int8 sein</translation>
    </message>
    <message>
        <location line="+6" />
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../app/cli/captioncommand.h" line="+12" />
        <source>Caption images (files or folders).</source>
        <translation>Bilder beschreiben (Dateien oder Ordner).</translation>
    </message>
</context>
<context>
    <name>ClassifyCommand</name>
    <message>
        <location filename="../app/cli/classifycommand.cpp" line="+30" />
        <source>class %1</source>
        <translation>Klasse %1</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Encoder weights: .safetensors, torch.save .pth/.pt (timm or torchvision names) or a TFLite MobileNetV2.</source>
        <translation>Encoder-Gewichte: .safetensors, torch.save .pth/.pt (timm- oder torchvision-Namen) oder ein TFLite-MobileNetV2.</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Class names, one per line (default: class numbers).</source>
        <translation>Klassennamen, einer je Zeile (Standard: Klassennummern).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>How many classes to print per image (default 5).</source>
        <translation>Wie viele Klassen je Bild ausgegeben werden (Standard 5).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Print one JSON object per image and line.</source>
        <translation>Je Bild eine Zeile mit einem JSON-Objekt ausgeben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Image files or folders.</source>
        <translation>Bilddateien oder Ordner.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>IMAGE...</source>
        <translation>BILD...</translation>
    </message>
    <message>
        <location line="+6" />
        <source>give --encoder-weights, at least one image, and --top of at least 1</source>
        <translation>--encoder-weights, mindestens ein Bild und --top von mindestens 1 angeben</translation>
    </message>
    <message>
        <location line="+7" />
        <source>cannot read the labels file %1</source>
        <translation>die Datei mit den Klassennamen %1 kann nicht gelesen werden</translation>
    </message>
    <message>
        <location filename="../app/cli/classifycommand.h" line="+13" />
        <source>Classify images with pretrained encoder weights.</source>
        <translation>Bilder mit vortrainierten Encoder-Gewichten klassifizieren.</translation>
    </message>
</context>
<context>
    <name>CliOutput</name>
    <message>
        <location filename="../app/cli/clioutput.cpp" line="+25" />
        <source>error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <location line="+6" />
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <location filename="../app/cli/commandline.cpp" line="+29" />
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
        <location line="+3" />
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
        <location line="+25" />
        <source>--threads needs a number from 1 to 256</source>
        <translation>--threads braucht eine Zahl von 1 bis 256</translation>
    </message>
    <message>
        <location line="+22" />
        <source>unknown command "%1"; see snaption-cli --help</source>
        <translation>unbekannter Befehl „%1“; siehe snaption-cli --help</translation>
    </message>
</context>
<context>
    <name>DecodingArguments</name>
    <message>
        <location filename="../app/cli/decodingarguments.cpp" line="+13" />
        <source>Pick the most likely word at each step.</source>
        <translation>In jedem Schritt das wahrscheinlichste Wort wählen.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Beam search with &lt;width&gt; hypotheses (default 3).</source>
        <translation>Strahlsuche mit &lt;Breite&gt; Hypothesen (Standard 3).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sample words at random (see --top-k, --temperature, --seed).</source>
        <translation>Wörter zufällig ziehen (siehe --top-k, --temperature, --seed).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sample only among the &lt;k&gt; most likely words (0 = all).</source>
        <translation>Nur unter den &lt;k&gt; wahrscheinlichsten Wörtern ziehen (0 = alle).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>k</source>
        <translation>k</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sampling temperature (default 1).</source>
        <translation>Temperatur beim Ziehen (Standard 1).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>t</source>
        <translation>t</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Random seed for sampling (default 0).</source>
        <translation>Zufallsstartwert beim Ziehen (Standard 0).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+8" />
        <source>choose one of --greedy, --beam and --sample</source>
        <translation>eines von --greedy, --beam und --sample wählen</translation>
    </message>
    <message>
        <location line="+18" />
        <source>--beam, --top-k, --temperature and --seed need numbers</source>
        <translation>--beam, --top-k, --temperature und --seed brauchen Zahlen</translation>
    </message>
</context>
<context>
    <name>ImportSeedCommand</name>
    <message>
        <location filename="../app/cli/importseedcommand.cpp" line="+17" />
        <source>Reads pretrained_weights.pt (a state_dict or a trainer checkpoint) and vocab_mapper.pkl without running any code from them.</source>
        <translation>Liest pretrained_weights.pt (ein state_dict oder einen Trainings-Checkpoint) und vocab_mapper.pkl, ohne Code daraus auszuführen.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>The torch.save file of the Python model (pretrained_weights.pt).</source>
        <translation>Die torch.save-Datei des Python-Modells (pretrained_weights.pt).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <location line="+1" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="-1" />
        <source>The pickled VocabMapper (vocab_mapper.pkl).</source>
        <translation>Der gepickelte VocabMapper (vocab_mapper.pkl).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The model file to write.</source>
        <translation>Die zu schreibende Modelldatei.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--weights, --vocab and --out are required</source>
        <translation>--weights, --vocab und --out sind nötig</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Python Snaption model %1 with vocabulary %2</source>
        <translation>Python-Snaption-Modell %1 mit Vokabular %2</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Wrote %1: original Snaption architecture, %2 parameters, %3 words.</source>
        <translation>%1 geschrieben: ursprüngliche Snaption-Architektur, %2 Parameter, %3 Wörter.</translation>
    </message>
    <message>
        <location filename="../app/cli/importseedcommand.h" line="+12" />
        <source>Import a model of the original Python Snaption.</source>
        <translation>Ein Modell des ursprünglichen Python-Snaption importieren.</translation>
    </message>
</context>
<context>
    <name>InfoCommand</name>
    <message>
        <location filename="../app/cli/infocommand.cpp" line="+17" />
        <source>Print JSON.</source>
        <translation>JSON ausgeben.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The model file.</source>
        <translation>Die Modelldatei.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>MODEL</source>
        <translation>MODELL</translation>
    </message>
    <message>
        <location line="+3" />
        <source>give exactly one model file</source>
        <translation>genau eine Modelldatei angeben</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Model file:      %1</source>
        <translation>Modelldatei:     %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Architecture:    %1</source>
        <translation>Architektur:     %1</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Encoder:         %1, %2 px input, %3 memory tokens</source>
        <translation>Encoder:         %1, Eingabe %2 px, %3 Speicher-Tokens</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Decoder:         %1 layers, width %2, %3 heads, feed-forward %4, %5 activation, context %6</source>
        <translation>Decoder:         %1 Schichten, Breite %2, %3 Köpfe, Feed-Forward %4, Aktivierung %5, Kontext %6</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Parameters:      %1 (%2 storage)</source>
        <translation>Parameter:       %1 (gespeichert als %2)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Vocabulary:      %1 tokens</source>
        <translation>Vokabular:       %1 Tokens</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Provenance:      %1: %2</source>
        <translation>Herkunft:        %1: %2</translation>
    </message>
    <message>
        <location filename="../app/cli/infocommand.h" line="+12" />
        <source>Describe a model file.</source>
        <translation>Eine Modelldatei beschreiben.</translation>
    </message>
</context>
<context>
    <name>InitModelCommand</name>
    <message>
        <location filename="../app/cli/initmodelcommand.cpp" line="+36" />
        <source>Image encoder: efficientnet_b0 (default) or mobilenet_v2.</source>
        <translation>Bild-Encoder: efficientnet_b0 (Standard) oder mobilenet_v2.</translation>
    </message>
    <message>
        <location line="+0" />
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <location line="+2" />
        <location line="+6" />
        <location line="+2" />
        <location line="+3" />
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location line="-11" />
        <source>Start from pretrained encoder weights (.safetensors, torch.save .pth, TFLite MobileNetV2); they also choose the encoder.</source>
        <translation>Mit vortrainierten Encoder-Gewichten beginnen (.safetensors, torch.save .pth, TFLite-MobileNetV2); sie bestimmen auch den Encoder.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Decoder layers (default 6).</source>
        <translation>Decoder-Schichten (Standard 6).</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+1" />
        <location line="+1" />
        <location line="+1" />
        <location line="+1" />
        <location line="+2" />
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <location line="-5" />
        <source>Decoder width (default 512).</source>
        <translation>Decoder-Breite (Standard 512).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Attention heads (default 16).</source>
        <translation>Aufmerksamkeitsköpfe (Standard 16).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Feed-forward size (default 1024).</source>
        <translation>Größe der Feed-Forward-Schicht (Standard 1024).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Context length in tokens, &lt;START&gt; included (default 20).</source>
        <translation>Kontextlänge in Tokens, einschließlich &lt;START&gt; (Standard 20).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Build the vocabulary from a text file, one caption per line.</source>
        <translation>Das Vokabular aus einer Textdatei bilden, eine Beschreibung je Zeile.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Leave out words seen fewer times (default 1).</source>
        <translation>Seltener gesehene Wörter auslassen (Standard 1).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Use a vocabulary file (a JSON list of tokens).</source>
        <translation>Eine Vokabulardatei verwenden (eine JSON-Liste von Tokens).</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Random seed (default 0).</source>
        <translation>Zufallsstartwert (Standard 0).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weight storage: f32 (default) or f16 (half the size).</source>
        <translation>Speicherung der Gewichte: f32 (Standard) oder f16 (halbe Größe).</translation>
    </message>
    <message>
        <location line="+0" />
        <source>type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1" />
        <source>The model file to write.</source>
        <translation>Die zu schreibende Modelldatei.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>--out is required</source>
        <translation>--out fehlt</translation>
    </message>
    <message>
        <location line="+4" />
        <source>give exactly one of --vocab and --vocab-from-captions</source>
        <translation>genau eines von --vocab und --vocab-from-captions angeben</translation>
    </message>
    <message>
        <location line="+5" />
        <source>--storage must be f32 or f16</source>
        <translation>--storage muss f32 oder f16 sein</translation>
    </message>
    <message>
        <location line="+16" />
        <source>--layers, --dim, --heads, --ff, --context and --seed need whole numbers</source>
        <translation>--layers, --dim, --heads, --ff, --context und --seed brauchen ganze Zahlen</translation>
    </message>
    <message>
        <location line="+13" />
        <source>random initialisation (seed %1)</source>
        <translation>zufällige Initialisierung (Startwert %1)</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Wrote %1: %2 + %3 decoder layers, %4 parameters, %5 words.</source>
        <translation>%1 geschrieben: %2 + %3 Decoder-Schichten, %4 Parameter, %5 Wörter.</translation>
    </message>
    <message>
        <location filename="../app/cli/initmodelcommand.h" line="+12" />
        <source>Create a randomly initialised model file.</source>
        <translation>Eine zufällig initialisierte Modelldatei anlegen.</translation>
    </message>
</context>
</TS>