/**
 * Common passwords and the words they are made of, written for Prongsai as data (no download):
 * the passwords that lead the public lists of leaked passwords, keyboard and digit patterns,
 * English words and names, and what people in Thailand choose: romanised Thai words, places and
 * phrases (ilovethailand, sawasdee, maipenrai), Thai given names and nicknames (a name with a
 * birth year, somchai2530, reads as the name: password-policy.ts takes digits and symbols off
 * both ends), Thai words in Thai script, work words (ita, ratchakan), Thai banks and phone
 * networks, football clubs and idols. Lower case, one a word; checked after lower-casing the password.
 * Add a word by writing it anywhere in the text (keep it sorted; `npx prettier` leaves it be).
 */
const WORDS = `
0000 000000 000000000000 0987654321 101010 1111 11111 111111 1111111 11111111 111111111111 112233
112233445566 11223344556677 112358 1212 121212 121212121212 123123 123123123 123123123123 123321
1234 12341234 12344321 12345 123456 1234567 12345678 123456789 1234567890 123456789012
1234567890123 12345678901234 1234567891011 123456789123 123456a 12345a 1234qwer 123654 123abc
123abc123 123qwe 123qweasd 123qweasdzxc 131313 159357 159753 1985 1986 1987 1988 1989 1990 1991
1992 1q2w3e 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u8i 1q2w3e4r5t6y7u8i9o0p 1qaz2wsx
1qaz2wsx3edc 1qaz2wsx3edc4rfv 1qazxsw2 2000 2112 212121 222222 232323 333333 3bb 444444 5150 55555
555555 654321 666666 6969 696969 7777 777777 7777777 789456 8675309 87654321 888888 88888888
987654 987654321 9876543210 987654321012 98765432109876 999999 a123456 a12345678 aa123456 aaa111
aaaaaa aaaaaaaaaaaa abc abc123 abc12345 abc123abc123 abcd abcd1234 abcd12345678 abcdef abcdefg
abcdefgh abcdefghijkl abcdefghijklmn access action adam adidas admin admin1 admin123 admin1234
admin2 adminadminadmin administrator administrator1 administrator123 adrian agency air ais alan
albert alex alexander alexis alice alicia allison alpha am amanda amber america ampai amporn amy
anan ananda anchalee anderson andrea andrew andy angel angel1 angela angelina angels ann anna
annie anong anthony anucha anuchit anupong anurak anusorn aom aphichat apichart apinya apple
apples april aree arisa arm aroi aroimak aroon arsenal arsenal1 art arthit arthur arun arunee
asd123 asdasd asdf asdfasdf asdfgh asdfghjk asdfghjkl asdfghjkl123 ashley atchara athit august aun
austin autumn avengers ayutthaya azerty baac baby babygirl badboy bailey ball bambam banana bandit
bangkok bangkok1 bangkokbank bank barbara barcelona barney baseball baseball1 baseball1234
basketball batman batman1 bayern bbl beam bear beautiful beauty bee beer ben benjamas benjamin
benjawan benz best betty beverly big bigbang bigdaddy bigdog bill billkin billy bird birthday
bitch biteme black blackpink blessed blonde blossom blowjob blowme blue boat bob bobby bom bond007
bonnie bonus booboo booger book boomer boonchai boonlert boonmee boonsri boonyarit boss boston bow
boy brandon brandy brian bright brightwin brittany brooklyn brother brown bts bua bubble bubbles
buddha buddy bulldog bunchai bunmi bunny buppha buriram busaba bussaba buster butter butterfly
butthead cake cali calvin camaro cameron canada candy captain carlos carmen carol caroline carter
casey casper cat catherine chai chaiwat chaiya chaiyaporn chaiyo chaleom chalerm chamnan champ
champion chan chance chanchai chang changeme changemenow1 changnoi changsuek chanida chanin chanon
chanrakkhun chanrakkun chanrakthai chanrakthoe chanya chaowalit charles charlie charoen
charoenchai charoensak chat chatchai chatri chatsasanakasat cheese chelsea chelsea1 cherry chester
chiangmai chiangmai1 chiangrai chicago chicken chintana chirawat chocolate chok chokdee chompoo
chonburi chonburifc chris christian christina christine christopher cindy claire cocacola coffee
college compaq computer conan contrasena cookie cooper correcthorsebatterystaple corvette courtney
cowboy cowboys creative cricket crystal cutie daeng daisy dakota dallas dam dancer dang daniel
danielle danny dao daranee dararat darling darunee dave david deaw debbie december default demo
demo123 dennis department destiny dew dexter dga diablo diamond diana dick din doctor dolphin
dolphins donald doraemon doy dragon dragon1 dragon123456 dragonball dragonfly dream dreamer driver
dtac duangdao duangjai duangkamol duangporn duen eagle eagles eak earth edward eik eit ekachai
ekarat ekkachai ekkarat elephant elizabeth email emily emma enter eric erica europe evelyn exo eye
fa facebook faen fah fai falcon family fan fang fashion february felix fender fern fernando
ferrari film first fishing florida flower flowers fluke folk fon football football1 football1234
forever forgot forgotten fortnite frame frank freddy freedom friend friends friendship funny
future game gandalf gap garden gateway gators gemini george gfhjkm ghbdtn giants gift ginger
gloria gmail gmmtv god goddess goku golden golf golfer goodluck goodmorning google gordon got got7
government govt grace green gregory gsb guest guitar gulf gun gundam hailey hammer hannah happy
hardcore harley harry haslo hatyai heart heather helen hello hello1 hello123 hellokitty hellothere
helpme hockey hockey1 hollywood home honda honey hope horny hotdog hotmail house hua huahin hulk
hunter ian ice iceman ihavenopassword iit ilovebangkok ilovemyjob ilovesiam ilovethai
ilovethailand ilovethailand1 iloveu iloveyou iloveyou1 iloveyou1234 iloveyou123456 iloveyoubaby
iloveyouforever ink instagram integrity internet ironman isaan isabella isan ita ita2567 ita2568
ita2569 jaa jack jackass jackie jackson jacob jaguar jai jaidee jairon jaiyen jaja jake jakkapong
jakkrit jakrit jam james jane january jaran jarunee jasmine jason jasper jatuporn jaturong jeab
jeed jeff jen jennie jennifer jeremy jessica jesus jhope jib jim jimin jimmy jin jintana jiranan
jiraporn jirawat jirayu jisoo jo joe john johnny johnson jom jomjam jonathan jong jordan jordan23
joseph joshua joy jub julia julie july jum june jungkook junior justin juventus ka kaew kai kaikai
kamala kamenrider kamol kamolchanok kamon kan kanchana kanchanaburi kanda kanjana kannika kanok
kanokwan kanya kaopad karen kasat kasem kasemsak kasikorn kate kathin katie kay kbank kelly keng
kevin kha khao kharatchakan khobkhun khonkaen khonrak khonthai khopkhun khopkhunka khopkhunkrub
khun khwan kiat kiattisak kiddtueng kidthueng kidthung kidtueng kik killer kim kimberly king
kingthai kinkhao kitten kitti kittichai kittiphong kittipong kittisak kittung kitty klaster knight
kob kong kop korat krab krabi krasuang krasuang1 kriangsak krit kritsada krom krub krungthai
krungthep krungthepmahanakhon ktb kulap kularb kung kwan kwang ladda laddawan lady lakers lalita
lamai lamduan lampang lanna laura lauren lazada lek lemon leo leonardo letmein letmein1
letmeinletmein lily lin linda line lineid ling lisa little liverpoo liverpool liverpool1 login
lollipop lom london lookkaew lookked lookpla loong lor lorlor loser love love123 lovely loveme
lover lovers loveyou loykrathong loykratong lucky lucy lukkade lukkaew luna maa maddog madison mae
maew maggie magic mai mail maipenrai malai malee mali mam mama man mana manager manchester
manchesterunited mandy manee mani manit manoch manop manutd mao maria mariah marina marine mark
marlboro marley martin marvel mary master master1 master123 master123456 matrix matthew maverick
maxwell may mayuree mayuri mbappe meen melissa melody meow mercedes merlin messi metallic mew
michael michelle mickey microsoft midnight mike mild milk miller mind minecraft ministry mint
miracle mix mod molly mommy mon monchai monday money mongkhon mongkol monica monkey monkey1
monkey123456 monster montri moo mookrob moon morgan morning moss mot motdepasse mother mountain
muangthong muay muaythai muffin murphy music mustang myfirstpassword mylove mynewpassword mypass
mypassword mypassword123 na nacc naja nakab nakhon nakub nam name namjoon namo namotassa nan nancy
nanon nantana nanthana naomi napa napasorn napat naphat narak naree nari narin narong narongsak
naruk naruto nascar nat natalie natasha natchanon nathan nationthai nattapong nattaporn nattawat
nattawut nattha natthaphong natthawut natthaya nature ncc1701 new newpassword newyork neymar nice
nicha nichapat nicholas nicole nid nikita nim nine ning nink nipa nipaporn nipparn nirvana nit
nitaya nittaya nobita noey noi nok nong nonglak nongluck nongnam nongnuch nonthaburi noo nopadon
nopass nopassword noppadol nopphadon north note nui num nun nut nuttawut oat ocean ocsc october
off office office365 officer ohm oil oit oldpassword oliver olivia om on one onepiece opal orange
oranuch orathai orawan ornuma outlook p@ssw0rd p@ssw0rd1234 p@ssword p@ssword1234 pa$$word
pa55word packers padthai paiboon pairat pairoj paitoon pakorn palm pan pang panida panther panties
pao papa paris parola pass pass123 pass1234 pass12345 passpass passw0rd passw0rd1234 password
password001 password01 password1 password123 password1234 password12345 password123456
password2024 password2025 password2026 passwordpassword passwordqwerty passwort pat patchara
patcharee pathumthani patricia patrick pattarapong pattaya paul paw peace peaches peak peanut pear
pee pen penguin pepper pet pete peter phaibun phairot phakorn phattharaphong phitsanulok phoenix
phom phor phorpaw phra phrachao phuket pichai pichit pikachu pim pimchanok pimonrat pimpa pimpaka
pimpan ping pink pitak piya piyada piyanut piyaporn pizza pla plaifa player please ploy plub
pokemon pokemon1 pong poo poohbear pook pookie pop por pormae porn pornchai pornpan pornpimol
pornsak pornthip porntip porsche pp pranee prani prapan praphan prasert prasit prawit prayut
prayuth precious preecha pretty prince princess princess1 princess1234 prongsai prongsai2569 pu
pui pukpik pum pumpkin pun purple puy q123456 q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6 q1w2e3r4t5y6u7
qazwsx qazwsxedc qazwsxedcrfv qazxsw queen qwaszx qweasd qweasdzxc qweqwe qwer1234 qwerty qwerty1
qwerty12 qwerty123 qwerty1234 qwerty12345 qwerty123456 qwertypassword qwertyui qwertyuiop
qwertyuiop12 qwertyuiop123 qwertyuiopasdf qwertyuiopasdfghjkl rabbit rachakan rachel raiders
rainbow rak rakjung rakkhun rakkun rakmae rakmak rakphor rakpor rakpormae rakter rakthai
rakthailand ranger rangers rao ratana ratchakan ratchakarn ratchanee rattana rattanaporn ratthaban
rayong razz realmadrid rebecca red red123 redskins redsox richard rin robert roblox rock rocket
rockstar ronaldo root rose rosebud ruangrit ruby ruj rujira ruk rung rungnapa rungrueang rush2112
sabai sabaidee sabrina sadhu sai sak sakchai sakda saksit sam samantha samson samsung samui
samutprakan san sanan sand sandra sangwan sanit sanook sanuk saowalak saowanee sarah saranya
sarawoot sarawut sasana sasuke sathu saturday sawadee sawadeeka sawadeekrub sawasdee sawasdeeka
sawasdeekrub sawatdee scarlet scb scooby scooter scorpio scorpion secret secret123 secretpassword
sek senha september shadow shadow1 shadow123456 shannon shelby shinchan shithead shopee shopping
siam sierra silver simple sirichai sirilak sirin sirinya siripong siriporn siriwan skate sky
slayer slipknot smile smiley smokey snoopy snowball snowflake soccer soccer1 som sombat somboon
somchai somchit somjai somkiat somkid somnuk somphon sompong sompop somporn somrak somruedee
somsak somsak1 somsri somsuk somtam somwang somyos somyot songkhla songkran sophia sophie spanky
sparky spider spiderman spring staff staff123 star startrek starwars starwars1 starwars1234
steelers stephanie steve steven strawberry stupid suay success suchart suchat suckit suda sudaporn
sudarat suddjai sudjai suey suga sugar sukanya sukhothai sukit sumalee sumali summer sun sunan
sunday sunee sunflower sunisa sunny sunshine sunshine1234 sunthon sunthorn supachai supaporn
supattra super superman superman1 superman1234 superpassword superstar superuser suphachai
suphattra supot surachai surachet surapong surasak surasit surat suratthani surin suriya suriyan
suthep sutin sutthisak suwanna suwat suwit sweet sweetheart sweety sydney sysadmin tae taehyung
tai tailand tan tanawat tang tanin tanya tao tar tasanee tassanee tawan tawatchai tawee taweesak
tay taylor teddy teddybear tee teerak teerak1 teerapong teerawat tek temp temp123 temple temporary
temppass ten tennis tent ter test test123 testing thai thailan thailand thailand1 thailandpost
thaileague thanakorn thanaphon thanapon thanaporn thanat thanawat thanet thanida thanks thawatchai
thaworn theman thequickbrownfox thidarat thipawan thirak thirapong thitima thoe thomas thongchai
thongdee thunder thx1138 tida tiffany tiger tigers tigger tik tiktok tipawan tirak toey tok tom
tomyum tomyumkung ton tong tongchai toon toor top tot toyota transparency travel trinity true
truemove trustno1 trustno1trustno1 tucker tuesday tuk tum tun tup turtle twice twilight ubon
ubonrat udon udonthani ultraman unicorn united urai uraiwan usa user user123 user1234 username
userpass valentine vanessa victor victoria view viking vincent violet voodoo wachtwoord wan wanida
wanna wanpen waraporn waree warrior warriors wat watchara watcharee wattana webmaster wednesday
welcome welcome1 welcome123 welcome12345 welcome2024 welcomeback whatever wichai wichian wichit
william willie willow wilson win winai windows winit winner winston winter wiphawan wirat wirawan
wiroj withaya wittaya witthaya wiwat wizard wolf wut xavier xxxxxx xxxxxxxx yahoo yam yamaha
yankees yaowalak yaowapa yellow yok yot yotsawat young youtube yui yupa yuphin yupin yuttana
yutthana zachary zaq12wsx zaq12wsxcde3 zaq1zaq1 zebra zxc123 zxcasdqwe zxcvbn zxcvbnm zxcvbnm12345
zxcvbnm123456 zzzzzz กรม กระทรวง กรุงเทพ กรุงเทพมหานคร กาญจนา ขอบคุณ ขอบคุณครับ ขอบคุณค่ะ
ข้าราชการ ครอบครัว ความโปร่งใส คิดถึง คิดถึงเธอ คุณธรรม ฉันรักคุณ ฉันรักเธอ ชาติศาสนากษัตริย์ ช้าง
ณัฐพงษ์ ดวงดาว ดวงใจ ดอกไม้ ทดลอง ทดสอบ ทรงพระเจริญ ทะเล ที่รัก ธนพร นิภา บุญชัย บุญมี ประเทศไทย
ประเสริฐ ปลา ปิยะ ผมรักคุณ ผู้ดูแลระบบ พระจันทร์ พระอาทิตย์ พัทยา พาสเวิร์ด พ่อ พ่อแม่ ฟ้า ภูเก็ต
ภูเขา มะลิ มาลี รหัส รหัสผ่าน รักคุณ รักนะ รักประเทศไทย รักพ่อ รักพ่อรักแม่ รักมาก รักเธอ รักแม่
ราชการ ลืมรหัส ลูก วิชัย ศิริพร สนุก สบายดี สมชาย สมบูรณ์ สมปอง สมพร สมศรี สมศักดิ์ สวัสดี
สวัสดีครับ สวัสดีค่ะ สวัสดีปีใหม่ สำนักงาน สุดา สุนีย์ สุรชัย หน่วยงาน หมา หมู อรทัย อร่อย
เชียงใหม่ เปลี่ยนรหัส แฟน แมว แม่ แอดมิน โปร่งใส ใจดี ใจเย็น ไก่ ไทยแลนด์ ไม่บอก ไม่รู้ ไม่เป็นไร
`;

/** The list as a set of lower-case words. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));
