/* Given names that say a person's gender, so that "he" and "she" find the
** right antecedent ("Josh Hendler … he wrote", never "Hillary Clinton …
** he"). Common given names in English-language news, written from general
** knowledge; a name used for both (Jordan, Taylor, Robin) is in neither list.
** A small table of its own, to move to the data files with the quote lexicon. */
#include <pthread.h>

#include "hash.h"
#include "quotes_internal.h"

static const char *const male_names =
  "Aaron Abdul Abraham Adam Adrian Ahmed Al Alan Albert Alberto Alejandro Alexander Alexei Alfred Ali Allen Alvin "
  "Andre Andrew Andy Angelo Anthony Antonio Antonin Ari Arnold Arthur Barack Barry Ben Benjamin Bernard "
  "Bernie Bill Billy Bob Bobby Boris Brad Bradley Brandon Brent Brett Brian Bruce Bryan Byron Carl Carlos Chad "
  "Charles Charlie Chris Christian Christopher Chuck Clarence Claude Clint Colin Corey Craig Curt Dale Dan Daniel "
  "Danny Darrell Dave David Dean Dennis Denis Derek Dick Dmitry Don Donald Doug Douglas Duncan Dwight Ed Eddie "
  "Edward Edwin Elijah Elliot Emmanuel Eric Erik Ernest Eugene Evan Francis Frank Franklin Fred Frederick Gary "
  "Gene George Gerald Gilbert Glenn Gordon Greg Gregory Hank Harold Harry Harvey Henry Herbert Howard Hugh Hugo Ian "
  "Igor Isaac Ivan Jack Jacob Jake James Jared Jason Jeb Jeff Jeffrey Jeremy Jerome Jerry Jesse Jim Jimmy Joe Joel "
  "John Johnny Jon Jonathan Jorge Jose José Joseph Josh Joshua Juan Julian Justin Karl Keith Ken Kenneth Kevin "
  "Kirk Kurt Kyle Lamar Lance Larry Lawrence Leo Leon Leonard Lewis Lloyd Louis Luis Luke Malcolm Marco "
  "Mario Mark Martin Marvin Matt Matthew Max Michael Miguel Mike Mitch Mitt Mohammed Muhammad Nathan Neil Newt "
  "Nicholas Nick Nigel Noah Norman Oliver Omar Orrin Oscar Owen Patrick Paul Pedro Pete Peter Phil Philip "
  "Rahm Ralph Rand Randy Raul Ray Raymond Reince Reggie Rex Richard Rick Rob Robert Roberto Rod Roger Roland Ron "
  "Ronald Ross Roy Rudy Rupert Russell Ryan Sam Samuel Scott Sean Sergei Seth Sheldon Sid Simon Stan Stanley "
  "Stephen Steve Steven Stuart Ted Terry Thomas Tim Timothy Todd Tom Tommy Tony Travis Trey Troy Victor Vincent "
  "Vladimir Walter Warren Wayne Wesley Will William Willie Xavier Zach Zachary "
  "Cornel Dwayne Earl Floyd Glen Mitchell Neal Perry Preston Quentin Reed Rudolph Shawn Spencer "
  "Sterling Stu Tad Tucker Wade Wendell Wilbur Zack Abe Alec Barney Bert Buck Chester Cody Conrad "
  "Darren Dustin Elliott Ethan Felix Garrett Gavin Hal Herman Homer Irving Jay Kent Lyndon Marshall "
  "Mason Milton Mort Morton Nate Ned Otto Porter Reuben Rocco Rufus Sanford Saul Seymour Sherman "
  "Stewart Thaddeus Theodore Tyler Vernon Wally Wilson Woodrow";

static const char *const female_names =
  "Abigail Ada Alexandra Alice Alicia Alison Allison Amanda Amber Amy Ana Andrea Angela Angelina Anita Ann Anna "
  "Anne Annie Ashley Audrey Barbara Beatrice Becky Betsy Betty Beverly Bonnie Brenda Brittany Carly Carmen Carol "
  "Caroline Catherine Cathy Cecile Charlotte Chelsea Cheryl Christina Christine Cindy Claire Claudia Colleen "
  "Condoleezza Courtney Cynthia Daniela Deborah Debbie Debra Denise Diana Diane Donna Doris Dorothy Edith "
  "Eileen Elaine Eleanor Elena Elisabeth Elise Elizabeth Ellen Emily Emma Erica Erin Eva Evelyn Faith Fiona Frances "
  "Gabrielle Gail Geraldine Ghazala Gillian Gina Gloria Grace Hannah Harriet Heather Heidi Helen Hillary Holly "
  "Hope Huma Ilhan Ingrid Irene Isabel Ivanka Jacqueline Jane Janet Janice Jeanne Jennifer Jenny "
  "Jessica Jill Joan Joanna Joanne Jodi Joni Josephine Joy Joyce Judith Judy Julia Julie Karen Kate Katherine "
  "Kathleen Kathy Katie Kay Kayleigh Kellyanne Kimberly Kirsten Kristen Laura Lauren Linda Lisa Liz "
  "Lois Loretta Lori Louise Lucy Madeleine Maggie Marcia Margaret Maria Marie Marilyn Marine Marsha "
  "Martha Mary Maryanne Maureen Maxine Megan Meghan Melania Melanie Melissa Michele Michelle Mia Monica Nancy "
  "Natalie Nicole Nikki Nina Nora Norah Olivia Pamela Patricia Patty Paula Pauline Peggy Penny Rachel Rebecca "
  "Regina Rita Roberta Robyn Rosa Rose Ruth Sally Samantha Sandra Sara Sarah Sharon Sheila Shirley Sonia Sophia "
  "Stacey Stephanie Sue Susan Susana Suzanne Sylvia Tammy Teresa Theresa Tina Tulsi Valerie Vanessa Veronica "
  "Victoria Virginia Wanda Wendy Yvonne Zoe "
  "Arianna Bernadette Brianna Carla Carolyn Christy Connie Darlene Deirdre Dolores Eliza Esther "
  "Felicia Gretchen Hilary Ivana Janine Jeanette Kristin Kristina Leah Lena Lila Lorraine Mallory "
  "Margo Marjorie Maura Meredith Mindy Miriam Molly Naomi Neera Norma Patti Phyllis Priscilla Rosemary "
  "Roxanne Sabrina Selena Serena Sherry Stacy Tara Trish Ursula Vera Yolanda Agnes Alma Arlene Bridget "
  "Cecilia Dianne Dina Ella Estelle Geneva Greta Hazel Ida Imogen Irma Jeanine Joann Kathryn Kelli "
  "Lillian Lydia Mabel Madeline Mavis Mildred Myra Nadia Nell Opal Polly Rhonda Rosalind Sofia Stella "
  "Thelma Valeria Wilma";

static nw_strmap given;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int ready;

static int put_list(const char *p, int32_t gender) {
  while (*p) {
    while (*p == ' ') p++;
    const char *q = p;
    while (*q && *q != ' ') q++;
    if (q > p && nw_strmap_put(&given, p, (size_t)(q - p), gender)) return -1;
    p = q;
  }
  return 0;
}

static void build(void) {
  if (nw_strmap_init(&given, 512, 0) || put_list(male_names, 1) || put_list(female_names, 2)) return;
  ready = 1;
}

int qx_given_name_gender(const char *w, size_t n) {
  pthread_once(&once, build);
  return ready ? nw_strmap_get(&given, w, n, 0) : 0;
}

__attribute__((destructor)) static void free_given(void) { nw_strmap_free(&given); }
